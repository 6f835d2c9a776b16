#version 330 core
// A spatial operation's combine(), from the operation's .glsl, with a blur that ran at
// 1/factor of the size: pixel p samples it bilinearly at reduced texel
// (p + 0.5) / factor - 0.5, clamp-to-edge (see editor/pipeline/blur.py).
uniform sampler2D src;
uniform sampler2D blurred;
uniform float factor;
uniform float amount;
out vec4 frag;
void main() {
    vec3 c = texelFetch(src, pixel(), 0).rgb;
    vec4 b = texture(blurred, gl_FragCoord.xy / factor / vec2(textureSize(blurred, 0)));
    frag = vec4(clamp(combine(c, b, amount), 0.0, 1.0), 1.0);
}
