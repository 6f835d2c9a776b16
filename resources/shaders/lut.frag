#version 330 core
// The pointwise part: the baked steps 1-11 (one trilinear lookup in a size^3 texture,
// x = red, then clamped), then the filter preset's own table blended at filter_mix.
// USE_LUT and USE_FILTER are #defined 0 or 1: llvmpipe runs both sides of a branch.
#if USE_LUT
uniform sampler3D lut;
uniform float lut_size;
#endif
#if USE_FILTER
uniform sampler3D filter_lut;
uniform float filter_size;
uniform vec3 filter_min;
uniform vec3 filter_scale;
uniform float filter_mix;
#endif
out vec4 frag;

vec3 lookup(sampler3D table, float size, vec3 c) {
    return texture(table, (c * (size - 1.0) + 0.5) / size).rgb;
}

void main() {
    vec3 c = clamp(source(pixel()), 0.0, 1.0);
#if USE_LUT
    c = clamp(lookup(lut, lut_size, c), 0.0, 1.0);
#endif
#if USE_FILTER
    vec3 graded = lookup(filter_lut, filter_size, clamp((c - filter_min) * filter_scale, 0.0, 1.0));
    c = clamp(c + filter_mix * (graded - c), 0.0, 1.0);
#endif
    frag = vec4(c, 1.0);
}
