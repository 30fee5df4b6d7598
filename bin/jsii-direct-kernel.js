#!/usr/bin/env node
// Writes the direct kernel for bin/cdk-app (called by bin/build):
//   node bin/jsii-direct-kernel.js <jsii runtime>/lib/program.js <jsii runtime>/lib/program-direct.js
//
// jsii's wrapper (bin/jsii-runtime.js) starts the kernel (lib/program.js) as a second Node.js process and relays
// every request and response between the JVM and it through its own event loop, over file descriptor 3. The
// direct kernel is the same file with that one setting changed to stdin/stdout, so the JVM talks to it without
// the relay: one process start and two pipe hops per bridge call less (bench/run.sh LEVERS=1 measures it).
// Library output is kept off stdout by bin/jsii-console.js, preloaded in its place.
//
// Exit 0: written. Exit 3: this jsii version sets the descriptors otherwise; nothing is written, and
// bin/cdk-app keeps the wrapper. Exit 2: usage.
'use strict';
const fs = require('fs');

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  process.stderr.write('usage: node bin/jsii-direct-kernel.js <lib/program.js> <lib/program-direct.js>\n');
  process.exit(2);
}
const SETTING = 'readFD:3,writeFD:3';
const source = fs.readFileSync(from, 'utf8');
if (source.split(SETTING).length !== 2) {
  process.stderr.write(`jsii-direct-kernel: ${from} does not set '${SETTING}' exactly once; keeping jsii's wrapper\n`);
  process.exit(3);
}
// Written whole, then renamed: a concurrent synth never starts a half-written kernel.
fs.writeFileSync(`${to}.tmp`, source.replace(SETTING, 'readFD:0,writeFD:1'));
fs.renameSync(`${to}.tmp`, to);
