using System.Buffers;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Objects;

/// <summary>
/// Objects in an S3 bucket. Small objects go up in one PUT; larger ones, and streams of unknown length, in parts,
/// holding one part in memory at a time; a failed multipart upload is aborted so no parts linger.
/// </summary>
public sealed class S3ObjectStore : IObjectStore
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;
    private readonly int _partSize;
    private readonly Lazy<Task> _bucketReady;

    public S3ObjectStore(IAmazonS3 s3, IOptions<ObjectsOptions> options)
    {
        var settings = options.Value.S3;
        _s3 = s3;
        _bucket = settings.Bucket;
        _partSize = settings.PartSizeMiB * 1024 * 1024;
        _bucketReady = new Lazy<Task>(() => settings.CreateBucket ? CreateBucketAsync() : Task.CompletedTask);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        ObjectKey.Validate(key);
        await _bucketReady.Value;
        if (content.CanSeek && content.Length - content.Position <= _partSize)
        {
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = content, AutoCloseStream = false }, cancellationToken);
            return;
        }
        await PutInPartsAsync(key, content, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKey.Validate(key);
        await _bucketReady.Value;
        try
        {
            var response = await _s3.GetObjectAsync(_bucket, key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan validFor, CancellationToken cancellationToken = default)
    {
        ObjectKey.Validate(key);
        await _bucketReady.Value;
        var url = await _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.Add(validFor),
            // The presigner says https unless told; an endpoint configured over http (an emulator, a proxy) needs http.
            Protocol = _s3.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        });
        return new Uri(url);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        await _bucketReady.Value;
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        do
        {
            var page = await _s3.ListObjectsV2Async(request, cancellationToken);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKey.Validate(key);
        await _bucketReady.Value;
        await _s3.DeleteObjectAsync(_bucket, key, cancellationToken);
    }

    private async Task PutInPartsAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var upload = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key }, cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(_partSize);
        try
        {
            var parts = new List<PartETag>();
            int filled;
            while ((filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, _partSize), _partSize, throwOnEndOfStream: false, cancellationToken)) > 0 || parts.Count == 0)
            {
                using var part = new MemoryStream(buffer, 0, filled, writable: false);
                var uploaded = await _s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket, Key = key, UploadId = upload.UploadId, PartNumber = parts.Count + 1, InputStream = part, PartSize = filled,
                }, cancellationToken);
                parts.Add(new PartETag(parts.Count + 1, uploaded.ETag));
                if (filled < _partSize)
                    break;
            }
            await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket, Key = key, UploadId = upload.UploadId, PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _bucket, Key = key, UploadId = upload.UploadId }, CancellationToken.None);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task CreateBucketAsync()
    {
        try
        {
            await _s3.PutBucketAsync(new PutBucketRequest { BucketName = _bucket });
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Another replica, or an earlier start, made it.
        }
    }
}
