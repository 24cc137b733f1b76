#!/usr/bin/env node
// The command line: the CLI bundled into one file (scripts/bundle.cjs), started by bin/load.cjs
// from the V8 code cache made at install time.
'use strict';
require('./load.cjs').run();
