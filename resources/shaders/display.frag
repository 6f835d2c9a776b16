#version 330 core
// Preview: the graded frame scaled into the viewport, image top at the viewport top;
// left of `split` (a fraction of the width) shows the ungraded source.
uniform sampler2D graded;
uniform sampler2D original;
uniform float split;
in vec2 v_uv;
out vec4 frag;
void main() {
    vec2 uv = vec2(v_uv.x, 1.0 - v_uv.y);
    vec3 c = v_uv.x < split ? clamp(texture(original, uv).rgb, 0.0, 1.0) : texture(graded, uv).rgb;
    frag = vec4(c, 1.0);
}
