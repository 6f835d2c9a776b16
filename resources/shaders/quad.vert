#version 330 core
// A full-viewport quad; v_uv runs 0..1 across the viewport, (0, 0) at its lower left.
in vec2 in_pos;
out vec2 v_uv;
void main() {
    v_uv = in_pos * 0.5 + 0.5;
    gl_Position = vec4(in_pos, 0.0, 1.0);
}
