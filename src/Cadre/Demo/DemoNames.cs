namespace Cadre.Demo;

/// Common names of a few cultures, so the demo looks like a real membership and exercises accents,
/// names in another script and search. Chinese names carry their characters as the name in another script.
internal sealed record NameCulture(
    string Name,
    IReadOnlyList<(string Latin, string? Script)> FamilyNames,
    IReadOnlyList<(string Latin, string? Script)> FemaleNames,
    IReadOnlyList<(string Latin, string? Script)> MaleNames,
    bool FamilyNameFirst = false)
{
    public static readonly NameCulture Chinese = new(
        "Chinese",
        Pairs("Wang 王", "Li 李", "Zhang 张", "Liu 刘", "Chen 陈", "Yang 杨", "Huang 黄", "Zhao 赵", "Wu 吴", "Zhou 周",
            "Xu 徐", "Sun 孙", "Ma 马", "Zhu 朱", "Hu 胡", "Guo 郭", "He 何", "Lin 林", "Gao 高", "Luo 罗"),
        Pairs("Xiuying 秀英", "Guiying 桂英", "Yulan 玉兰", "Xiulan 秀兰", "Jing 静", "Li 丽", "Min 敏", "Yan 燕", "Fang 芳",
            "Na 娜", "Hong 红", "Xia 霞", "Ping 萍", "Lan 兰", "Hui 慧"),
        Pairs("Wei 伟", "Qiang 强", "Lei 磊", "Jun 军", "Yong 勇", "Jie 杰", "Tao 涛", "Ming 明", "Chao 超", "Hua 华",
            "Jian 建", "Bin 斌", "Hao 浩", "Peng 鹏", "Gang 刚"),
        FamilyNameFirst: true);

    public static readonly NameCulture Hispanic = new(
        "Hispanic",
        Latin("García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
            "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Núñez", "Castillo", "Ortiz", "Vargas", "Romero"),
        Latin("María", "Lucía", "Carmen", "Ana", "Sofía", "Isabel", "Elena", "Rosa", "Patricia", "Marta", "Valentina",
            "Camila", "Gabriela", "Teresa", "Julia"),
        Latin("José", "Juan", "Carlos", "Luis", "Miguel", "Javier", "Antonio", "Manuel", "Pedro", "Diego", "Andrés",
            "Jorge", "Ricardo", "Fernando", "Raúl"));

    public static readonly NameCulture English = new(
        "English",
        Latin("Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
            "Roberts", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "O'Neill"),
        Latin("Mary", "Sarah", "Emma", "Margaret", "Susan", "Helen", "Karen", "Rachel", "Laura", "Joanne", "Claire",
            "Alice", "Ruth", "Jessica", "Hannah"),
        Latin("John", "David", "Michael", "James", "Robert", "Peter", "Paul", "Mark", "Richard", "Andrew", "Thomas",
            "Stephen", "George", "Daniel", "William"));

    public static readonly NameCulture Indian = new(
        "Indian",
        Latin("Sharma", "Verma", "Gupta", "Singh", "Kumar", "Patel", "Yadav", "Mishra", "Joshi", "Reddy", "Nair", "Iyer",
            "Das", "Chaudhary", "Pandey", "Mehta", "Rao", "Bose", "Sinha", "Pillai"),
        Latin("Priya", "Anita", "Sunita", "Kavita", "Pooja", "Neha", "Lakshmi", "Meena", "Deepa", "Asha", "Rekha", "Geeta",
            "Shalini", "Divya", "Aarti"),
        Latin("Rahul", "Amit", "Rajesh", "Suresh", "Vijay", "Sanjay", "Anil", "Ravi", "Arjun", "Manoj", "Deepak", "Ashok",
            "Prakash", "Vikram", "Kiran"));

    public static readonly NameCulture EastAfrican = new(
        "East African",
        Latin("Mwangi", "Otieno", "Kamau", "Ochieng", "Njoroge", "Kariuki", "Mutua", "Odhiambo", "Kiprotich", "Wambua",
            "Mollel", "Kimaro", "Massawe", "Mushi", "Juma", "Hassan", "Mbwana", "Shirima", "Lyimo", "Temba"),
        Latin("Amina", "Wanjiku", "Akinyi", "Neema", "Zawadi", "Imani", "Rehema", "Halima", "Mwanaisha", "Faraja",
            "Upendo", "Nafula", "Atieno", "Subira", "Asha"),
        Latin("Baraka", "Omari", "Hamisi", "Salim", "Daudi", "Musa", "Emmanuel", "Joseph", "Bakari", "Rashidi",
            "Tumaini", "Jabari", "Kassim", "Hamza", "Said"));

    public static readonly IReadOnlyList<NameCulture> All = [Chinese, Hispanic, English, Indian, EastAfrican];

    private static (string, string?)[] Latin(params string[] names) => names.Select(n => (n, (string?)null)).ToArray();

    private static (string, string?)[] Pairs(params string[] names) =>
        names.Select(n => n.Split(' ') is [var latin, var script] ? (latin, (string?)script) : (n, null)).ToArray();
}

/// Places and workplaces for the names of regions, districts and primary organizations.
internal static class DemoPlaces
{
    public static readonly string[] Regions =
    [
        "Northern", "Southern", "Eastern", "Western", "Coastal", "Highland", "Lakeland", "River Valley", "Central Plains",
    ];

    public static readonly string[] Towns =
    [
        "Ashford", "Brookvale", "Cedar Falls", "Dunmore", "Eastfield", "Fairhaven", "Glenrock", "Harbour Point",
        "Ironbridge", "Juniper Hill", "Kingsport", "Lakemont", "Millbrook", "Northgate", "Oakridge", "Pinecrest",
        "Queensbury", "Riverton", "Stonehill", "Thornbury", "Upton", "Valemount", "Westwater", "Yarrow",
        "Santa Lucía", "San Andrés", "Mwembeni", "Kilimani", "Xinhe", "Baishui", "Rampur", "Sitapur",
    ];

    public static readonly string[] Streets =
    [
        "Station Road", "Market Street", "Harbour Lane", "Unity Avenue", "Mill Road", "Garden Row", "Church Street",
        "Bridge Street", "Orchard Way", "Railway Terrace", "Avenida Libertad", "Calle Mayor", "Jamhuri Street", "Gandhi Road",
        "Heping Road", "Jiefang Street",
    ];

    /// Kinds of primary organization, weighted by the 2023 counts of primary organizations by sector and of
    /// territorial units with an organization (same source as DemoComposition), in thousands.
    public static readonly (string[] Templates, double Weight)[] PrimaryKinds =
    [
        (["{0} Textile Mill", "{0} Steelworks", "{0} Bus Depot", "{0} Logistics Centre", "{0} Power Station",
            "{0} Brewery", "{0} Shipyard", "{0} Cement Works", "{0} Software Cooperative", "{0} Rail Workshop"], 1_600),
        (["{0} General Hospital", "{0} Secondary School", "{0} Polytechnic", "{0} Public Library", "{0} Water Board",
            "{0} Primary School", "{0} Health Centre"], 997),
        (["{0} Town Hall", "{0} Tax Office", "{0} Land Registry"], 771),
        (["{0} Teachers' Union", "{0} Farmers' Cooperative", "{0} Housing Association"], 183),
        (["{1} Community", "{0} Retirees", "{1} Neighbourhood", "Upper {0} Village", "Lower {0} Village"], 617),
    ];
}
