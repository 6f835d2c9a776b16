#version 330 core
// A spatial operation's combine(), from the operation's .glsl.
uniform sampler2D src;
uniform sampler2D blurred;
uniform float amount;
out vec4 frag;
void main() {
    ivec2 p = pixel();
    vec3 c = texelFetch(src, p, 0).rgb;
    frag = vec4(clamp(combine(c, texelFetch(blurred, p, 0), amount), 0.0, 1.0), 1.0);
}
