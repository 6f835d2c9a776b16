#version 330 core
// What a wide spatial blur blurs (its prep(), from the operation's .glsl), box-averaged
// over factor x factor blocks of src; a partial block at the right or bottom edge
// averages the pixels it has (see editor/pipeline/blur.py).
uniform sampler2D src;
uniform int factor;
out vec4 frag;
void main() {
    ivec2 first = pixel() * factor;
    ivec2 stop = min(first + factor, textureSize(src, 0));
    vec4 sum = vec4(0.0);
    for (int y = first.y; y < stop.y; ++y) {
        for (int x = first.x; x < stop.x; ++x) {
            sum += prep(texelFetch(src, ivec2(x, y), 0).rgb);
        }
    }
    ivec2 n = stop - first;
    frag = sum / float(n.x * n.y);
}
