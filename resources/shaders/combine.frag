#version 330 core
// A spatial operation's combine(), from the operation's .glsl. The blur ran at 1/factor
// of the size: pixel p samples it bilinearly at reduced texel (p + 0.5) / factor - 0.5
// (clamp-to-edge), which is a plain texel fetch when factor is 1.
uniform sampler2D src;
uniform sampler2D blurred;
uniform int factor;
uniform float amount;
out vec4 frag;
void main() {
    ivec2 p = pixel();
    vec3 c = texelFetch(src, p, 0).rgb;
    vec4 b = factor == 1
        ? texelFetch(blurred, p, 0)
        : texture(blurred, gl_FragCoord.xy / float(factor) / vec2(textureSize(blurred, 0)));
    frag = vec4(clamp(combine(c, b, amount), 0.0, 1.0), 1.0);
}
