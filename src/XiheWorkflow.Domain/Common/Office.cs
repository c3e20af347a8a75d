namespace XiheWorkflow.Domain.Common;

/// <summary>An office (办公室) of the township. Reference data, editable by Admin.</summary>
public class Office
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;
    public int Version { get; private set; }

    private Office() { }

    public Office(string name, int sortOrder)
    {
        Rename(name);
        SortOrder = sortOrder;
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Office.NameRequired");
        if (name.Trim().Length > 50) throw new DomainException("Office.NameTooLong", 50);
        Name = name.Trim();
        Version++;
    }

    public void SetActive(bool active)
    {
        IsActive = active;
        Version++;
    }
}
