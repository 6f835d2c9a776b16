// The first pass's input: an uploaded R'G'B' frame (GLRenderer.upload of an array).
uniform sampler2D src;
vec3 source(ivec2 p) { return texelFetch(src, p, 0).rgb; }
