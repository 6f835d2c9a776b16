#version 330 core
// One direction of a separable Gaussian, clamp-to-edge; weights[k] is the weight of
// taps +k and -k (see editor/pipeline/blur.py).
uniform sampler2D src;
uniform ivec2 direction;
uniform int radius;
uniform float weights[128];
out vec4 frag;
void main() {
    ivec2 p = pixel();
    ivec2 last = textureSize(src, 0) - 1;
    vec4 sum = weights[0] * texelFetch(src, p, 0);
    for (int k = 1; k <= radius; ++k) {
        vec4 a = texelFetch(src, clamp(p - k * direction, ivec2(0), last), 0);
        vec4 b = texelFetch(src, clamp(p + k * direction, ivec2(0), last), 0);
        sum += weights[k] * (a + b);
    }
    frag = sum;
}
