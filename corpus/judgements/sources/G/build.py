#!/usr/bin/env python3
"""Writes set G's JSON files from src/ with the builder sets D, E and F share (../build_set.py).

Usage: python3 build.py [--audit]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import build_set  # noqa: E402

if __name__ == "__main__":
    build_set.main(os.path.dirname(os.path.abspath(__file__)))
