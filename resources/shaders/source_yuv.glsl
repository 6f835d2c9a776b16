// The first pass's input: a decoded Y'CbCr picture's planes (GLRenderer.upload of a
// media.YuvImage), converted to R'G'B' as media.RgbConverter has swscale do it:
// normalized with the range (luma_map, chroma_map: value * x - y), the stream's matrix
// (kr_kb), and chroma repeated over its 2^CHROMA_SHIFT_X x 2^CHROMA_SHIFT_Y block, except
// that deeper than 8 bits swscale's scaler interpolates 4:2:0 chroma rows (CHROMA_LERP),
// sited between the two luma rows. TURNS counter-clockwise quarter turns make it upright
// (np.rot90's). All #defined: llvmpipe runs both sides of a branch.
uniform sampler2D plane_y;
uniform sampler2D plane_u;
uniform sampler2D plane_v;
uniform vec2 luma_map;
uniform vec2 chroma_map;
uniform vec2 kr_kb;
uniform ivec2 coded_size;

ivec2 coded(ivec2 p) {
#if TURNS == 1
    return ivec2(coded_size.x - 1 - p.y, p.x);
#elif TURNS == 2
    return coded_size - 1 - p;
#elif TURNS == 3
    return ivec2(p.y, coded_size.y - 1 - p.x);
#else
    return p;
#endif
}

vec2 chroma(ivec2 q) {
    int x = q.x >> CHROMA_SHIFT_X;
#if CHROMA_LERP
    float fy = (float(q.y) + 0.5) * 0.5 - 0.5;
    int y0 = int(floor(fy));
    int last = textureSize(plane_u, 0).y - 1;
    ivec2 a = ivec2(x, clamp(y0, 0, last));
    ivec2 b = ivec2(x, clamp(y0 + 1, 0, last));
    float t = fy - float(y0);
    return mix(vec2(texelFetch(plane_u, a, 0).r, texelFetch(plane_v, a, 0).r),
               vec2(texelFetch(plane_u, b, 0).r, texelFetch(plane_v, b, 0).r), t);
#else
    ivec2 c = ivec2(x, q.y >> CHROMA_SHIFT_Y);
    return vec2(texelFetch(plane_u, c, 0).r, texelFetch(plane_v, c, 0).r);
#endif
}

vec3 source(ivec2 p) {
    ivec2 q = coded(p);
    float y = texelFetch(plane_y, q, 0).r * luma_map.x - luma_map.y;
    vec2 cbcr = chroma(q) * chroma_map.x - chroma_map.y;
    float kr = kr_kb.x;
    float kb = kr_kb.y;
    float r = y + 2.0 * (1.0 - kr) * cbcr.y;
    float b = y + 2.0 * (1.0 - kb) * cbcr.x;
    return vec3(r, (y - kr * r - kb * b) / (1.0 - kr - kb), b);
}
