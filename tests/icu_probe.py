"""Prints, as JSON, Qt's answers to every kind of call it makes into ICU (packaging/icu_data.py
lists them) and the ICU data library this process loaded. tests/test_packaging.py runs it
with the wheel's ICU data and with the bundle's trimmed one, which must answer the same."""

from __future__ import annotations

import functools
import json
import sys

from PySide6.QtCore import QCollator, QLocale, QStringConverter, QStringDecoder, QTimeZone

LOCALES = ["en_US", "de_DE", "sv_SE", "da_DK", "tr_TR", "lt_LT", "ru_RU", "es_ES", "vi_VN",
           "zh_CN", "zh_TW", "ja_JP", "ko_KR", "ar_EG", "fa_IR", "hi_IN", "th_TH", "C"]
#: File names as a file dialog sorts them: digits, case, accents and the letters whose
#: place differs between languages.
NAMES = ["file10.mp4", "file2.mp4", "File1.mp4", "Äpfel", "apfel", "Zebra", "ångström", "öl",
         "ol", "çay", "ıtır", "iz", "ch", "cz", "ll", "lz", "Ø", "ǆ", "ß", "ss", "ё", "е",
         "中国", "日本", "한국", "كتاب", "ไทย"]
ZONES = [b"Europe/Berlin", b"America/New_York", b"Asia/Kolkata", b"Australia/Lord_Howe",
         b"Africa/Casablanca", b"America/Sao_Paulo", b"UTC", b"Etc/GMT-14"]
ENCODINGS = ["Shift_JIS", "EUC-JP", "GB18030", "Big5", "EUC-KR", "windows-1251", "KOI8-R",
             "ISO-8859-15", "IBM037", "windows-874"]

answers: dict[str, object] = {}
for name in LOCALES:
    locale = QLocale(name)
    for numeric in (False, True):  # a file dialog sorts with numeric mode on
        collator = QCollator(locale)
        collator.setNumericMode(numeric)
        order = sorted(NAMES, key=functools.cmp_to_key(collator.compare))
        answers[f"sorted {name} numeric={numeric}"] = order
    answers[f"case {name}"] = [locale.toUpper("istanbul ß ǆ ﬁ"), locale.toLower("İSTANBUL ΣΑΣ Į̇")]
for zone in ZONES:
    tz = QTimeZone(zone)
    for name in LOCALES:
        answers[f"zone {zone.decode()} {name}"] = [
            tz.displayName(kind, style, QLocale(name))
            for kind in QTimeZone.TimeType
            for style in QTimeZone.NameType
        ]
answers["codecs"] = QStringConverter.availableCodecs()
for encoding in ENCODINGS:
    decoder = QStringDecoder(encoding)
    answers[f"codec {encoding}"] = [decoder.isValid(), decoder.name()]
with open("/proc/self/maps", encoding="utf-8") as maps:
    answers["icu data"] = sorted({line.split()[-1] for line in maps if "libicudata" in line})
json.dump(answers, sys.stdout, ensure_ascii=False)
