#version 330 core
// The baked pointwise operations: one trilinear lookup in a size^3 texture (x = red).
uniform sampler2D src;
uniform sampler3D lut;
uniform float lut_size;
out vec4 frag;
void main() {
    vec3 c = clamp(texelFetch(src, pixel(), 0).rgb, 0.0, 1.0);
    vec3 coord = (c * (lut_size - 1.0) + 0.5) / lut_size;
    frag = vec4(clamp(texture(lut, coord).rgb, 0.0, 1.0), 1.0);
}
