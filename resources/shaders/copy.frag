#version 330 core
// Neutral pointwise part: the source clamped to [0, 1].
out vec4 frag;
void main() {
    frag = vec4(clamp(source(pixel()), 0.0, 1.0), 1.0);
}
