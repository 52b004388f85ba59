package io.stepwise.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP proxy on the loopback address that a test can cut: while cut it accepts nothing
 * (connections are refused) and every connection through it is closed, as when a database
 * server goes away; restored, it forwards again on the same port.
 * <p>
 * It can also cut at a chosen moment of a conversation: when the client sends some text
 * (an SQL statement), either before that reaches the server, or after the client's next
 * {@code COMMIT} has reached the server and been carried out, losing only the answer.
 * Nothing is parsed: the text is looked for in the bytes as they pass.
 */
public final class TcpProxy implements AutoCloseable {

	private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

	private final InetSocketAddress target;

	private final int port;

	private final Set<Link> links = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket server;

	private volatile Trigger trigger;

	private TcpProxy(InetSocketAddress target, ServerSocket server) {
		this.target = target;
		this.server = server;
		this.port = server.getLocalPort();
		accept(server);
	}

	/** A proxy to the given server, on a free port of the loopback address. */
	public static TcpProxy to(String host, int port) throws IOException {
		return new TcpProxy(new InetSocketAddress(host, port), bind(0));
	}

	public int port() {
		return this.port;
	}

	/** Refuses new connections and closes every open one. */
	public synchronized void cut() {
		ServerSocket current = this.server;
		this.server = null;
		if (current != null) {
			closeQuietly(current);
		}
		this.links.forEach(Link::close);
		this.links.clear();
	}

	/** Accepts and forwards again, on the same port. */
	public synchronized void restore() throws IOException {
		if (this.server == null) {
			this.server = bind(this.port);
			accept(this.server);
		}
	}

	/**
	 * Cuts as soon as a client sends the text, which never reaches the server: whatever
	 * the client was writing is lost before the server saw it.
	 * @return counted down once cut
	 */
	public CountDownLatch cutBefore(String text) {
		Trigger armed = new Trigger(text.getBytes(StandardCharsets.UTF_8), false);
		this.trigger = armed;
		return armed.fired;
	}

	/**
	 * Lets the text through, then lets the same connection's next {@code COMMIT} reach
	 * the server and be answered, and cuts before that answer reaches the client: the
	 * write is stored, but the client cannot know it.
	 * @return counted down once cut
	 */
	public CountDownLatch cutAfterCommitFollowing(String text) {
		Trigger armed = new Trigger(text.getBytes(StandardCharsets.UTF_8), true);
		this.trigger = armed;
		return armed.fired;
	}

	@Override
	public void close() {
		cut();
	}

	private void accept(ServerSocket listening) {
		daemon("tcp-proxy-accept-" + this.port, () -> {
			while (!listening.isClosed()) {
				try {
					Socket client = listening.accept();
					Socket upstream = new Socket();
					upstream.connect(this.target, 2000);
					Link link = new Link(client, upstream);
					this.links.add(link);
					if (this.server != listening) {
						// Cut while connecting.
						link.close();
						continue;
					}
					link.start();
				}
				catch (IOException ex) {
					// Closed by cut(), or the server refused: the client sees its
					// connection end.
				}
			}
		});
	}

	private void fire(Trigger fired) {
		if (this.trigger == fired) {
			this.trigger = null;
		}
		cut();
		fired.fired.countDown();
	}

	private static ServerSocket bind(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return socket;
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing is all that is wanted.
		}
	}

	static boolean contains(byte[] buffer, int length, byte[] text) {
		outer: for (int i = 0; i <= length - text.length; i++) {
			for (int j = 0; j < text.length; j++) {
				if (buffer[i + j] != text[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/** What to watch for, and whether the commit that follows it is let through. */
	private static final class Trigger {

		final byte[] text;

		final boolean afterCommit;

		final CountDownLatch fired = new CountDownLatch(1);

		volatile Link seenOn;

		volatile boolean commitSent;

		Trigger(byte[] text, boolean afterCommit) {
			this.text = text;
			this.afterCommit = afterCommit;
		}

	}

	/** One client connection and its connection to the server. */
	private final class Link {

		private final Socket client;

		private final Socket upstream;

		Link(Socket client, Socket upstream) {
			this.client = client;
			this.upstream = upstream;
		}

		void start() {
			daemon("tcp-proxy-up-" + TcpProxy.this.port, this::clientToServer);
			daemon("tcp-proxy-down-" + TcpProxy.this.port, this::serverToClient);
		}

		private void clientToServer() {
			byte[] buffer = new byte[16384];
			try (InputStream in = this.client.getInputStream(); OutputStream out = this.upstream.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					Trigger armed = TcpProxy.this.trigger;
					if (armed != null && armed.seenOn == null && contains(buffer, read, armed.text)) {
						if (!armed.afterCommit) {
							fire(armed);
							return;
						}
						armed.seenOn = this;
					}
					else if (armed != null && armed.seenOn == this && contains(buffer, read, COMMIT)) {
						armed.commitSent = true;
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side closed: the link is over.
			}
			finally {
				close();
			}
		}

		private void serverToClient() {
			byte[] buffer = new byte[16384];
			try (InputStream in = this.upstream.getInputStream(); OutputStream out = this.client.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					Trigger armed = TcpProxy.this.trigger;
					if (armed != null && armed.seenOn == this && armed.commitSent) {
						// The server answered the commit: it is done, and the client
						// never
						// hears of it.
						fire(armed);
						return;
					}
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// One side closed: the link is over.
			}
			finally {
				close();
			}
		}

		void close() {
			closeQuietly(this.client);
			closeQuietly(this.upstream);
			TcpProxy.this.links.remove(this);
		}

	}

}
