// Mirrors editor/pipeline/color.py.
const vec3 LUMA_601 = vec3(0.299, 0.587, 0.114);
const vec3 LUMINANCE_709 = vec3(0.2126, 0.7152, 0.0722);

vec3 srgb_to_linear(vec3 c) {
    vec3 high = pow((max(c, vec3(0.04045)) + 0.055) / 1.055, vec3(2.4));
    return mix(high, c / 12.92, lessThanEqual(c, vec3(0.04045)));
}

vec3 linear_to_srgb(vec3 c) {
    vec3 high = 1.055 * pow(max(c, vec3(0.0031308)), vec3(1.0 / 2.4)) - 0.055;
    return mix(high, c * 12.92, lessThanEqual(c, vec3(0.0031308)));
}

// Processing passes map output pixels 1:1 onto input texels (no filtering, no flips).
ivec2 pixel() { return ivec2(gl_FragCoord.xy); }
