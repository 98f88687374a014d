using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dangjian.Web.Platform.Security;

namespace Dangjian.Web.Features.Appraisals;

/// <summary>
/// Voting codes and sealed ballots, both keyed by <see cref="BallotKey"/>. A code is an HMAC of the appraisal's salt
/// and the voting right's id (so slips can be printed again), which nobody without the key can recompute. A cast ballot
/// is stored until the close as a sealed envelope: AES-GCM over the grades and comment padded to one fixed size, so
/// neither its content nor its length tells anything; at the close all envelopes are opened together and written as
/// plain ballots in random order (<see cref="AppraisalService"/>).
/// </summary>
public static class BallotSeal
{
    /// <summary>Every envelope's plaintext is this long, whatever was written: a length never tells a comment apart.</summary>
    public const int PaddedBytes = 8192;

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    /// <summary>Salt prefix of appraisals whose codes are keyed by <see cref="BallotKey"/> (older ones were keyed by the salt alone).</summary>
    public const string KeyedPrefix = KeyedCodes.KeyedPrefix;

    public static int EnvelopeBytes => NonceBytes + PaddedBytes + TagBytes;

    public static string NewSalt() => KeyedCodes.NewSalt();

    public static bool IsKeyed(string? salt) => KeyedCodes.IsKeyed(salt);

    public static string Token(byte[] key, string salt, Guid voterId) => KeyedCodes.Compute(key, "token", salt, voterId);

    /// <summary>Seals the grades and comment of one ballot of <paramref name="appraisalId"/>, or null when they do not fit.</summary>
    public static byte[]? Seal(byte[] key, Guid appraisalId, string grades, string? comment)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var text = Encoding.UTF8.GetBytes(grades + "\n" + (comment ?? ""));
        if (text.Length + 4 > PaddedBytes)
        {
            return null;
        }

        var plain = new byte[PaddedBytes];
        BinaryPrimitives.WriteInt32LittleEndian(plain, text.Length);
        text.CopyTo(plain, 4);
        var envelope = new byte[EnvelopeBytes];
        var nonce = envelope.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(KeyFor(key, appraisalId), TagBytes);
        aes.Encrypt(nonce, plain, envelope.AsSpan(NonceBytes, PaddedBytes), envelope.AsSpan(NonceBytes + PaddedBytes, TagBytes), appraisalId.ToByteArray());
        CryptographicOperations.ZeroMemory(plain);
        return envelope;
    }

    /// <summary>Opens an envelope sealed for <paramref name="appraisalId"/>; throws when it was altered or sealed for another appraisal.</summary>
    public static (string Grades, string? Comment) Open(byte[] key, Guid appraisalId, byte[] envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Length != EnvelopeBytes)
        {
            throw new CryptographicException("封存的选票长度不对。");
        }

        var plain = new byte[PaddedBytes];
        using var aes = new AesGcm(KeyFor(key, appraisalId), TagBytes);
        aes.Decrypt(envelope.AsSpan(0, NonceBytes), envelope.AsSpan(NonceBytes, PaddedBytes), envelope.AsSpan(NonceBytes + PaddedBytes, TagBytes), plain, appraisalId.ToByteArray());
        var length = BinaryPrimitives.ReadInt32LittleEndian(plain);
        var text = Encoding.UTF8.GetString(plain, 4, length);
        var split = text.IndexOf('\n', StringComparison.Ordinal);
        var comment = text[(split + 1)..];
        return (text[..split], comment.Length == 0 ? null : comment);
    }

    private static byte[] KeyFor(byte[] key, Guid appraisalId) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key ?? throw new ArgumentNullException(nameof(key)), 32, appraisalId.ToByteArray(), Encoding.UTF8.GetBytes("sealed-ballot"));
}
