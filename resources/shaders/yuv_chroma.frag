#version 330 core
// The graded frame's Cb and Cr (BT.709, limited range 16..240) at half width and height,
// subsampled as swscale's rgb24 -> yuv420p: chroma sample (x, y) averages columns 2x and
// 2x+1 and weights rows 2y-1, 2y, 2y+1, 2y+2 by 1, 3, 3, 1 (its 2:1 bilinear, sited
// between the two rows), edges clamped. Cb in r, Cr in g: one RG8 target, read back as
// the interleaved plane nv12 has and split for yuv420p.
uniform sampler2D src;
out vec4 frag;
vec3 pair(int y, int x0, int x1, int last_y) {
    y = clamp(y, 0, last_y);
    return texelFetch(src, ivec2(x0, y), 0).rgb + texelFetch(src, ivec2(x1, y), 0).rgb;
}
void main() {
    ivec2 p = pixel();
    ivec2 last = textureSize(src, 0) - 1;
    int x0 = 2 * p.x;
    int x1 = min(x0 + 1, last.x);
    int y = 2 * p.y;
    vec3 c = (pair(y - 1, x0, x1, last.y) + 3.0 * pair(y, x0, x1, last.y) + 3.0 * pair(y + 1, x0, x1, last.y)
              + pair(y + 2, x0, x1, last.y)) / 16.0;
    float luma = dot(c, LUMINANCE_709);
    float cb = (c.b - luma) / (2.0 * (1.0 - LUMINANCE_709.b));
    float cr = (c.r - luma) / (2.0 * (1.0 - LUMINANCE_709.r));
    frag = vec4((128.0 + 224.0 * vec2(cb, cr)) / 255.0, 0.0, 1.0);
}
