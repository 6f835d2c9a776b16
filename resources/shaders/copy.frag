#version 330 core
// Neutral pointwise part: the source clamped to [0, 1].
uniform sampler2D src;
out vec4 frag;
void main() {
    frag = vec4(clamp(texelFetch(src, pixel(), 0).rgb, 0.0, 1.0), 1.0);
}
