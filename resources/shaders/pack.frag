#version 330 core
// What a full-resolution luma blur blurs (the operation's prep()), four pixels to a texel:
// texel x holds pixels 4x..4x+3 of its row, so that a horizontal blur fetches four taps at
// once (blur_packed.frag) and a vertical one blurs four columns per fetch (blur.frag).
// Components past the last pixel repeat it, which is the clamp-to-edge the blur needs there.
uniform sampler2D src;
out vec4 frag;
float luma_at(int x, int y, int last) {
    return prep(texelFetch(src, ivec2(min(x, last), y), 0).rgb).r;
}
void main() {
    ivec2 p = pixel();
    int last = textureSize(src, 0).x - 1;
    int x = 4 * p.x;
    frag = vec4(luma_at(x, p.y, last), luma_at(x + 1, p.y, last), luma_at(x + 2, p.y, last),
                luma_at(x + 3, p.y, last));
}
