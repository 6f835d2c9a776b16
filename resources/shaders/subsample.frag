#version 330 core
// Every step-th pixel of the graded frame in both directions, for the scopes: picked,
// not averaged, so that the values measured are values on screen.
uniform sampler2D src;
uniform int step;
out vec4 frag;
void main() {
    frag = texelFetch(src, pixel() * step, 0);
}
