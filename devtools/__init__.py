"""Helpers shared by the test suite (`tests/`) and the benchmark (`bench/`), which import
from here and never from each other: synthetic dossiers (`synth`) and the web's own quality
tools run on a built site (`web`: a loopback static server, Lighthouse, the Nu checker).

Not part of the `dossier_gen` package and not installed with it.
"""
