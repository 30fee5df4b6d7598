// Preloaded (node -r) into the jsii kernel when bin/cdk-app runs it directly (see bin/build, "direct kernel").
//
// There the kernel speaks its protocol on stdout, one JSON line per response, which the JVM reads. Output of
// library code (console.log, process.stdout.write, warnings) must therefore never reach stdout: it goes to
// stderr, framed the way jsii's own wrapper frames it ({"stdout"|"stderr": base64} per line), so the Java
// runtime prints it on System.out or System.err as usual. The kernel itself writes with fs.writeSync on the
// file descriptor, which this does not touch.
'use strict';
const fs = require('fs');

for (const name of ['stdout', 'stderr']) {
  const stream = process[name];
  stream.write = (chunk, encoding, callback) => {
    const bytes = Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
      ? Buffer.from(chunk)
      : Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8');
    fs.writeSync(2, `${JSON.stringify({ [name]: bytes.toString('base64') })}\n`);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
}
