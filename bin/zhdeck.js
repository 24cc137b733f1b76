#!/usr/bin/env node
// The command line: the compiled modules, packed into one file by scripts/bundle.cjs so that
// start-up reads and resolves one file instead of fifty.
'use strict';
require('../dist/zhdeck.js')('cli/main.js');
