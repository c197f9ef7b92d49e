#!/bin/sh
# fake-replay.sh: a stand-in for cs-reviews that prints the file named by
# $CS_FAKE_OUTPUT, whatever its input: check.sh scores hand-computed cases.
set -eu
: "${CS_FAKE_OUTPUT:?fake-replay.sh: CS_FAKE_OUTPUT is not set}"
cat "$CS_FAKE_OUTPUT"
