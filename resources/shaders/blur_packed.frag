#version 330 core
// The horizontal pass of blur.frag on packed luma (pack.frag: four pixels to a texel), so
// one fetch brings four taps; PAD = ceil(RADIUS / 4) texels each side cover the kernel.
// Clamp-to-edge as in blur.frag: left of the row every tap is its first pixel, right of
// it its last one, which pack.frag left in the last texel's w. RADIUS and PAD are
// #defined so that the loops unroll and every array index is a constant.
uniform sampler2D src;
uniform float weights[RADIUS + 1];
out vec4 frag;
void main() {
    ivec2 p = pixel();
    int last = textureSize(src, 0).x - 1;
    float v[4 * (2 * PAD + 1)];
    for (int t = 0; t <= 2 * PAD; ++t) {
        int x = p.x - PAD + t;
        vec4 texel = texelFetch(src, ivec2(clamp(x, 0, last), p.y), 0);
        texel = x < 0 ? vec4(texel.x) : x > last ? vec4(texel.w) : texel;
        v[4 * t] = texel.x;
        v[4 * t + 1] = texel.y;
        v[4 * t + 2] = texel.z;
        v[4 * t + 3] = texel.w;
    }
    const int c = 4 * PAD;
    vec4 sum = weights[0] * vec4(v[c], v[c + 1], v[c + 2], v[c + 3]);
    for (int k = 1; k <= RADIUS; ++k) {
        vec4 left = vec4(v[c - k], v[c + 1 - k], v[c + 2 - k], v[c + 3 - k]);
        vec4 right = vec4(v[c + k], v[c + 1 + k], v[c + 2 + k], v[c + 3 + k]);
        sum += weights[k] * (left + right);
    }
    frag = sum;
}
