// Mirrors editor/pipeline/bloom.py: linear-light highlights, blurred and added back.
// THRESHOLD_LOW and THRESHOLD_HIGH are #defined from bloom.THRESHOLD.
vec4 prep(vec3 c) {
    vec3 lin = srgb_to_linear(c);
    return vec4(lin * smoothstep(THRESHOLD_LOW, THRESHOLD_HIGH, dot(lin, LUMINANCE_709)), 1.0);
}
vec3 combine(vec3 c, vec4 blurred, float amount) {
    return linear_to_srgb(clamp(srgb_to_linear(c) + amount * blurred.rgb, 0.0, 1.0));
}
