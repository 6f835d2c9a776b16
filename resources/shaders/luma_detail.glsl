// Mirrors editor/pipeline/luma_detail.py (structure and sharpen): luma detail added back.
vec4 prep(vec3 c) { return vec4(dot(c, LUMA_601)); }
vec3 combine(vec3 c, vec4 blurred, float amount) { return c + amount * (dot(c, LUMA_601) - blurred.r); }
