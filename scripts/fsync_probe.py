"""What one fdatasync costs on the disk holding a folder: 256-byte
overwrites of a preallocated file, each followed by fdatasync."""
import os, sys, time, statistics
path = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "/tmp", "fsync-probe")
fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
os.pwrite(fd, b"\0" * (1 << 20), 0)
os.fsync(fd)
times = []
for i in range(500):
    os.pwrite(fd, b"x" * 256, (i * 256) % (1 << 20))
    start = time.perf_counter()
    os.fdatasync(fd)
    times.append(time.perf_counter() - start)
times.sort()
print("fdatasync of a 256-byte overwrite: median %.0f us, p99 %.0f us"
      % (statistics.median(times) * 1e6, times[int(len(times) * 0.99)] * 1e6))
os.close(fd)
os.unlink(path)
