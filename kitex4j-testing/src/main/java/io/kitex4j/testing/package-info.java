/** Test support: {@link io.kitex4j.testing.NettyLeakDetectionExtension} fails a test class on any Netty leak. */
package io.kitex4j.testing;
