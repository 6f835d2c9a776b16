#version 330 core
// Preview: the graded frame scaled into the viewport, image top at the viewport top;
// left of `split` (a fraction of the width) shows the ungraded source. With
// `clip_warnings` on, graded pixels with a channel at 255 show red, black ones (all three
// at 0) blue: the same rule as editor.scopes.clipping.
uniform sampler2D graded;
uniform sampler2D original;
uniform float split;
uniform bool clip_warnings;
in vec2 v_uv;
out vec4 frag;
void main() {
    vec2 uv = vec2(v_uv.x, 1.0 - v_uv.y);
    vec3 c = v_uv.x < split ? clamp(texture(original, uv).rgb, 0.0, 1.0) : texture(graded, uv).rgb;
    if (clip_warnings && v_uv.x >= split) {
        // Half a level from the ends: the 8-bit target holds exactly 0 and 1 there.
        if (any(greaterThanEqual(c, vec3(1.0 - 0.5 / 255.0)))) c = vec3(1.0, 0.1, 0.1);
        else if (all(lessThanEqual(c, vec3(0.5 / 255.0)))) c = vec3(0.15, 0.35, 1.0);
    }
    frag = vec4(c, 1.0);
}
