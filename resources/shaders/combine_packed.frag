#version 330 core
// combine.frag for a luma blur that ran packed (pack.frag: pixel x is component x % 4
// of texel x / 4).
uniform sampler2D src;
uniform sampler2D blurred;
uniform float amount;
out vec4 frag;
void main() {
    ivec2 p = pixel();
    vec3 c = texelFetch(src, p, 0).rgb;
    float b = texelFetch(blurred, ivec2(p.x >> 2, p.y), 0)[p.x & 3];
    frag = vec4(clamp(combine(c, vec4(b), amount), 0.0, 1.0), 1.0);
}
