package io.github.athenaddb.local;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a serve sends back for a {@code query}'s script, in one response: its standard output
 * (rows), its standard error (stats, errors), its {@code --stats-json} lines, in the order they
 * were written, each frame a channel byte, a length and the bytes; then the exit code. The
 * request is framed the same way: a frame per statement, then an exit code of 0 to end it.
 */
final class ServeFrames
{
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte STATS_JSON = 'J';
    static final byte EXIT = 'X';
    static final byte STATEMENT = 'S';

    private ServeFrames() {}

    /** An output stream whose bytes go as frames of one channel. */
    static OutputStream channel(DataOutputStream frames, byte channel)
    {
        return new OutputStream()
        {
            @Override
            public void write(int b)
                    throws IOException
            {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length)
                    throws IOException
            {
                if (length == 0) {
                    return;
                }
                synchronized (frames) {
                    frames.writeByte(channel);
                    frames.writeInt(length);
                    frames.write(bytes, offset, length);
                }
            }

            @Override
            public void flush()
                    throws IOException
            {
                frames.flush();
            }
        };
    }

    static void writeText(DataOutputStream frames, byte channel, String text)
            throws IOException
    {
        channel(frames, channel).write(text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeExit(DataOutputStream frames, int code)
            throws IOException
    {
        synchronized (frames) {
            frames.writeByte(EXIT);
            frames.writeInt(code);
            frames.flush();
        }
    }

    /** Receives the frames of a response, as they come. */
    interface Receiver
    {
        void bytes(byte channel, byte[] bytes)
                throws IOException;
    }

    /**
     * Reads frames to the exit code.
     *
     * @throws EOFException when the response ends without one (the serve stopped)
     */
    static int read(InputStream in, Receiver receiver)
            throws IOException
    {
        DataInputStream frames = new DataInputStream(in);
        while (true) {
            byte channel = frames.readByte();
            int length = frames.readInt();
            if (channel == EXIT) {
                return length;
            }
            if (length < 0) {
                throw new IOException("a frame of " + length + " bytes");
            }
            receiver.bytes(channel, frames.readNBytes(length));
        }
    }
}
