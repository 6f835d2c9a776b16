#version 330 core
// The graded frame's Y' plane for the encoder: BT.709 luma in limited range (16..235),
// from the 8-bit RGB that an RGB readback would give, as swscale's rgb24 -> yuv420p does.
// Four pixels to an RGBA8 texel (texel x holds pixels 4x..4x+3 of its row), so the
// texels read back in order are the plane's bytes, and a quarter of the fragments run.
uniform sampler2D src;
out vec4 frag;
float luma_at(int x, int y, int last) {
    vec3 c = texelFetch(src, ivec2(min(x, last), y), 0).rgb;
    return (16.0 + 219.0 * dot(c, LUMINANCE_709)) / 255.0;
}
void main() {
    ivec2 p = pixel();
    int last = textureSize(src, 0).x - 1;
    int x = 4 * p.x;
    frag = vec4(luma_at(x, p.y, last), luma_at(x + 1, p.y, last), luma_at(x + 2, p.y, last),
                luma_at(x + 3, p.y, last));
}
