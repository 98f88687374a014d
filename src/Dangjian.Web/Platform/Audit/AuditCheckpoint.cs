using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dangjian.Web.Platform.Audit;

/// <summary>
/// The head of the audit chain as it was at <see cref="WrittenAt"/>: its last sequence and that entry's hash, signed
/// with the chain key. Kept outside the database (see <see cref="AuditCheckpoints"/>), it is what lets verification
/// notice that the newest entries, or all of them, were deleted — the chain alone cannot, because what remains of it
/// is still a valid chain. The signature stops someone who can write the checkpoint's folder but does not hold the
/// chain key from lowering it.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTime WrittenAt, string Signature)
{
    public static AuditCheckpoint Create(long sequence, string hash, DateTime writtenAt, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(hash);
        ArgumentNullException.ThrowIfNull(key);
        var at = AuditChain.Truncate(writtenAt.ToUniversalTime());
        return new AuditCheckpoint(sequence, hash, at, Sign(sequence, hash, at, key));
    }

    /// <summary>Whether the signature is the chain key's over exactly these values.</summary>
    public bool IsSignedWith(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Hash is null || Signature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(Sequence, Hash, WrittenAt.ToUniversalTime(), key));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(Signature));
    }

    /// <summary>Its own purpose prefix, so that a checkpoint signature can never be mistaken for an entry hash or the reverse.</summary>
    private static string Sign(long sequence, string hash, DateTime writtenAt, byte[] key)
    {
        var text = string.Join('\u001f', "dangjian-audit-checkpoint-v1", sequence.ToString(CultureInfo.InvariantCulture), hash,
            writtenAt.Ticks.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
