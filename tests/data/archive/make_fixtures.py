#!/usr/bin/env python3
"""Writes the archive fixtures of tst_ziparchive and tst_gzipdevice (run from this folder)."""
import gzip
import struct
import zipfile

with zipfile.ZipFile('normal.zip', 'w') as z:
    z.writestr(zipfile.ZipInfo('stored.txt'), b'plain stored text\n', compress_type=zipfile.ZIP_STORED)
    z.writestr('samples/1.json', b'{"id": 1, "text": "' + b'x' * 5000 + b'"}',
               compress_type=zipfile.ZIP_DEFLATED)
with zipfile.ZipFile('bzip2.zip', 'w') as z:
    z.writestr('header.json', b'{"a": 1}', compress_type=zipfile.ZIP_BZIP2)

normal = open('normal.zip', 'rb').read()
# An entry that claims nearly 4 GiB.
data = bytearray(normal)
struct.pack_into('<I', data, data.rfind(b'PK\x01\x02') + 24, 0xFFFFFFF0)
open('huge-claim.zip', 'wb').write(data)
# A wrong CRC-32 on the first entry.
data = bytearray(normal)
struct.pack_into('<I', data, data.find(b'PK\x01\x02') + 16, 0x12345678)
open('bad-crc.zip', 'wb').write(data)
open('truncated.zip', 'wb').write(normal[:len(normal) // 2])

payload = b''.join(b'{"id": "%d", "prompt": "p%d", "response": "r"}\n' % (i, i) for i in range(1000))
compressed = gzip.compress(payload, mtime=0)
open('items.jsonl.gz', 'wb').write(compressed)
half = 500 * 45
open('concatenated.jsonl.gz', 'wb').write(gzip.compress(payload[:half], mtime=0) +
                                          gzip.compress(payload[half:], mtime=0))
open('truncated.jsonl.gz', 'wb').write(compressed[:len(compressed) - 100])
