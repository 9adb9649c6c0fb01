#!/usr/bin/env python3
"""Reference implementation of sentag's sentence id, for cross-checks by hand.

FNV-1a 64 over  doc 0x00 text 0x00 str(occurrence)  (UTF-8), then the SplitMix64 finaliser,
printed as 16 lowercase hex digits.  Usage: sentence_id.py DOC TEXT [OCCURRENCE]
"""
import sys

MASK = (1 << 64) - 1


def sentence_id(doc: str, text: str, occurrence: int = 0) -> str:
    h = 0xCBF29CE484222325
    for byte in doc.encode() + b"\0" + text.encode() + b"\0" + str(occurrence).encode():
        h ^= byte
        h = (h * 0x100000001B3) & MASK
    h ^= h >> 30
    h = (h * 0xBF58476D1CE4E5B9) & MASK
    h ^= h >> 27
    h = (h * 0x94D049BB133111EB) & MASK
    h ^= h >> 31
    return format(h, "016x")


if __name__ == "__main__":
    print(sentence_id(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0))
