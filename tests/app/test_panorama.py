"""A photo wider than the GPU's texture limit (a panorama) is shown by the preview,
reduced to fit, and exported at its full size."""

import numpy as np
from PIL import Image

from editor.schema import FilterChoice, Look


def _panorama(path, width):
    rgb = np.zeros((64, width, 3), np.uint8)
    rgb[..., 0] = np.linspace(0, 255, width)[None, :]
    rgb[..., 1] = 160
    Image.fromarray(rgb).save(path)


def _centre(preview):
    image = preview.grabFramebuffer()
    return image.pixelColor(image.width() // 2, image.height() // 2).getRgb()[:3]


def test_a_panorama_over_the_texture_limit_is_previewed_and_exported_full_size(window, qtbot, tmp_path):
    width = window.preview.renderer.max_size + 616
    source = tmp_path / "panorama.png"
    _panorama(source, width)
    assert window.open_media(source)
    assert window.info.width == width and window.preview.frame.shape == (64, width, 3)
    _r, green, _b = _centre(window.preview)
    assert abs(green - 160) <= 3

    for look in (Look(adjust={"sharpen": 40}), Look(filter=FilterChoice("bw_Classic", 100))):
        window.push_state(window.state.with_suggestion(look), "look")
        red, green, blue = _centre(window.preview)
        assert max(red, green, blue) > 40
    assert abs(red - green) <= 3 and abs(green - blue) <= 3  # black and white, not black

    dialog = window.open_export_dialog()
    dialog.open_folder.setChecked(False)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData(".png"))
    target = tmp_path / "graded.png"
    dialog.target.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=120_000):
        dialog.export_button.click()
    with Image.open(target) as exported:
        assert exported.size == (width, 64)
        graded = np.asarray(exported.convert("RGB"))
    assert np.abs(graded[..., 0].astype(int) - graded[..., 2]).max() <= 2 and graded.std() > 20
