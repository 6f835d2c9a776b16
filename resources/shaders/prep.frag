#version 330 core
// What a spatial operation blurs (its prep(), from the operation's .glsl).
uniform sampler2D src;
out vec4 frag;
void main() {
    frag = prep(texelFetch(src, pixel(), 0).rgb);
}
