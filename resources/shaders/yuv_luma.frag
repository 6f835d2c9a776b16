#version 330 core
// The graded frame's Y' plane for the encoder: BT.709 luma in limited range (16..235),
// from the 8-bit RGB that an RGB readback would give, as swscale's rgb24 -> yuv420p does.
uniform sampler2D src;
out vec4 frag;
void main() {
    vec3 c = texelFetch(src, pixel(), 0).rgb;
    frag = vec4((16.0 + 219.0 * dot(c, LUMINANCE_709)) / 255.0, 0.0, 0.0, 1.0);
}
