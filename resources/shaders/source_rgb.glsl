// The first pass's input: an uploaded R'G'B' frame (GLRenderer.upload of an array). With
// SCALED (GLRenderer.output_size, the preview while the picture moves) the frame is
// graded at a smaller size: each output pixel samples it bilinearly at its centre,
// source_scale source pixels per output pixel.
uniform sampler2D src;
#if SCALED
uniform vec2 source_scale;
vec3 source(ivec2 p) {
    return texture(src, (vec2(p) + 0.5) * source_scale / vec2(textureSize(src, 0))).rgb;
}
#else
vec3 source(ivec2 p) { return texelFetch(src, p, 0).rgb; }
#endif
