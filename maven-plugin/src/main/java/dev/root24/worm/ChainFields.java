package dev.root24.worm;

import java.time.Instant;
import java.util.List;

/**
 * The chain part of an entry's predicate.
 *
 * @param index     position in the chain, from 0
 * @param timestamp UTC, microsecond precision, strictly rising along the chain
 * @param prev      SHA-512 (hex) of the previous entry's payload bytes; empty for index 0
 * @param uuid      random UUID of this entry
 * @param sha512    SHA-512 (hex) of the report's RFC 8785 canonical bytes
 * @param blake2b   BLAKE2b-256 (hex) of the same bytes
 * @param signers   the keys that signed this entry, as declared inside the signed payload (so a
 *                  stripped signature is noticed); empty means the entry is {@code unsigned}
 */
public record ChainFields(long index, Instant timestamp, String prev, String uuid, String sha512, String blake2b,
        List<DeclaredSigner> signers) {

    /** A signer declared in the payload. */
    public record DeclaredSigner(SignatureAlgorithm algorithm, String keyid) {
    }

    public ChainFields {
        signers = List.copyOf(signers);
    }
}
