using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceDesk.Domain.Catalog;
using ServiceDesk.Domain.Common;
using ServiceDesk.Domain.Knowledge;
using ServiceDesk.Domain.ServiceDesk;

namespace ServiceDesk.Infrastructure.Persistence.Configurations;

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.ToTable("KnowledgeArticles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(36);
        builder.Property(a => a.Title).HasMaxLength(KnowledgeArticle.TitleMaxLength);
        builder.Property(a => a.Body).HasMaxLength(KnowledgeArticle.BodyMaxLength);
        builder.Property(a => a.ProductCode).HasMaxLength(Guard.MaxCodeLength);
        builder.Property(a => a.Tags).HasJsonConversion(2000);
        builder.Property(a => a.SearchTags).HasMaxLength(KnowledgeArticle.MaxTags * (KnowledgeArticle.TagMaxLength + 1) + 1);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ProblemNumber).HasMaxLength(DeskRecord.NumberMaxLength);
        builder.Property(a => a.Author).HasMaxLength(200);
        builder.Ignore(a => a.DomainEvents);
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductCode).OnDelete(DeleteBehavior.Restrict);

        // Search: newest first, for everyone or published only (customers), optionally by product; keyset on (CreatedAt, Id).
        // The text match itself (title, body, tags) is a scan of the rows these leave, like the catalog's q.
        builder.HasIndex(a => new { a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.Status, a.CreatedAt, a.Id });
        builder.HasIndex(a => new { a.ProductCode, a.CreatedAt, a.Id });
    }
}
