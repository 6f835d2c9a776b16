#version 330 core
// One direction of a separable Gaussian, clamp-to-edge; weights[k] is the weight of
// taps +k and -k (see editor/pipeline/blur.py). RADIUS is #defined per kernel so the
// loop has a constant bound and unrolls (a uniform bound is several times slower on
// llvmpipe).
uniform sampler2D src;
uniform ivec2 direction;
uniform float weights[RADIUS + 1];
out vec4 frag;
void main() {
    ivec2 p = pixel();
    ivec2 last = textureSize(src, 0) - 1;
    vec4 sum = weights[0] * texelFetch(src, p, 0);
    for (int k = 1; k <= RADIUS; ++k) {
        vec4 a = texelFetch(src, clamp(p - k * direction, ivec2(0), last), 0);
        vec4 b = texelFetch(src, clamp(p + k * direction, ivec2(0), last), 0);
        sum += weights[k] * (a + b);
    }
    frag = sum;
}
