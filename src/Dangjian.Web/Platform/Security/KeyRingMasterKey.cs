using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Dangjian.Web.Platform.Security;

/// <summary>
/// The key that encrypts the Data Protection key ring when the ring is kept in the database
/// (<c>DataProtection:Store=Database</c>). Without it, whoever read the database would hold the ring, and with it every
/// secret the ring protects (the audit chain's key, the ballot key, the personal-data key). It lives in a file on each
/// instance (<c>DataProtection:MasterKeyFile</c>, default <c>{KeysPath}/master.key</c>), never in the database: in
/// Production the file must already exist (the same file on every instance); elsewhere it is made on first start.
/// </summary>
public sealed class KeyRingMasterKey(byte[] value)
{
    public byte[] Value { get; } = value;

    public static KeyRingMasterKey Load(string path, bool mayCreate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            if (!mayCreate)
            {
                throw new InvalidOperationException(
                    $"DataProtection:Store=Database 需要密钥环主密钥文件 {path}（每个实例同一个文件，不放在数据库里）。生成：head -c 32 /dev/urandom | base64 > {path}，再复制到每个实例。");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            try
            {
                using var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                created.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance made it first: use theirs.
            }
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            key = [];
        }

        return key.Length == 32 ? new KeyRingMasterKey(key) : throw new InvalidOperationException($"密钥环主密钥文件 {path} 应为32字节密钥的Base64文本。");
    }
}

/// <summary>Encrypts each key of the ring (AES-256-GCM under <see cref="KeyRingMasterKey"/>) before it is stored.</summary>
public sealed class MasterKeyXmlEncryptor(KeyRingMasterKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, 12));
        using var aes = new AesGcm(key.Value, 16);
        aes.Encrypt(sealedBytes.AsSpan(0, 12), plain, sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length));
        CryptographicOperations.ZeroMemory(plain);
        return new EncryptedXmlInfo(new XElement("masterKeySealed", new XAttribute("v", "1"), Convert.ToBase64String(sealedBytes)), typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Opens a key sealed by <see cref="MasterKeyXmlEncryptor"/>; Data Protection makes it with the app's services.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetRequiredService<KeyRingMasterKey>();
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(key.Value, 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length), plain);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
