/** The Thrift payload codec plugged into the remote layer ({@link io.kitex4j.thrift.codec.ThriftPayloadCodec}). */
package io.kitex4j.thrift.codec;
