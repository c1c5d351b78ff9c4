package dev.polpocheck.record;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A socket with 16 KiB buffered streams, the one shape of both sides' connections: a client's
 * ({@link Http1Server}) and an upstream's ({@link UpstreamPool}). Heads are read a byte at a
 * time and written as one string, so the buffers are what keeps those to a few system calls.
 */
class BufferedSocket {
  final Socket socket;
  final InputStream in;
  final OutputStream out;

  BufferedSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 16384);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 16384);
  }

  void closeQuietly() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed either way
    }
  }
}
