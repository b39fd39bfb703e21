"""Build data/metrics.csv, data/indicators.csv, data/claims.csv and data/datapackage.json.

Every figure lives here once, next to the verbatim passage that states it. The script
refuses to write anything unless each quote is a substring of the article, each derived
value is what its note's arithmetic gives, and zgc_cli.check passes every row and claim.

    python scripts/build_dataset.py            # write the files
    python scripts/build_dataset.py --check    # fail if the files on disk differ
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from dataclasses import astuple, dataclass, fields
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

from zgc_cli.check.arithmetic import evaluate_expression  # noqa: E402
from zgc_cli.check.claims import verify_claims  # noqa: E402
from zgc_cli.check.observations import verify_observations  # noqa: E402
from zgc_cli.model.numbers import machine_number as format_number  # noqa: E402

ARTICLE = (REPO / "tests" / "fixtures" / "article.txt").read_text(encoding="utf-8")
DATA = REPO / "data"

CURRENT = "current at publication (April 2024)"


@dataclass(frozen=True)
class Observation:
    metric: str
    entity: str
    year: int
    value: str  # exact decimal text in base units; filled from the note for derived rows
    unit: str
    status: str
    qualifier: str
    quote: str
    note: str = ""


def reported(
    metric: str,
    entity: str,
    year: int,
    value: int | str,
    unit: str,
    qualifier: str,
    quote: str,
    note: str = "",
    status: str = "reported",
) -> Observation:
    # Decimal keeps 48.2 as "48.2"; normalising drops trailing zeros without exponents.
    number = Decimal(str(value))
    text = format(number.normalize(), "f") if number != number.to_integral() else str(int(number))
    return Observation(metric, entity, year, text, unit, status, qualifier, quote, note)


def derived(metric: str, entity: str, year: int, unit: str, quote: str, note: str) -> Observation:
    return Observation(
        metric,
        entity,
        year,
        format_number(evaluate_expression(note)),
        unit,
        "derived",
        "exact",
        quote,
        note,
    )


# The tables below are laid out by hand, one figure per entry.
# fmt: off
R = reported
OBSERVATIONS: list[Observation] = [
    # --- economy and patents ----------------------------------------------------------
    R("revenue", "zgc", 2014, 3600000000000, "CNY", "exact", "企业总收入从2014年的3.6万亿元"),
    R("revenue", "zgc", 2023, 8600000000000, "CNY", "exact",
        "企业总收入从2014年的3.6万亿元提高到2023年的预计8.6万亿元",
        "预计: an estimate for 2023, made before the year's statistics were final",
        status="estimate"),
    R("invention_patents", "zgc", 2020, 140000, "patents", "more_than",
        "2020年，中关村示范区企业有效发明专利拥有量突破14万件"),
    R("invention_patents", "zgc", 2023, 260000, "patents", "more_than",
        "不到四年，这一数量已增长近一倍，突破26万件",
        "no year given: 不到四年 after 2020, written April 2024; dated 2023, the last full "
        "statistical year, as the 2023 revenue figure is"),
    R("patents_per_10k_people", "beijing", 2014, "48.2", "patents_per_10k_people", "exact",
        "每万人发明专利拥有量增长四倍多，从2014年48.2件"),
    R("patents_per_10k_people", "beijing", 2023, "262.9", "patents_per_10k_people", "exact",
        "每万人发明专利拥有量增长四倍多，从2014年48.2件提高到2023年262.9件"),
    R("top10_science_advances", "beijing", 2022, 56, "items", "exact",
        "2012～2022年年度“中国科学十大进展”中，有56项由北京地区单位牵头的项目入选",
        "cumulative over the 2012–2022 annual lists, dated to the last list"),
    derived("top10_science_advances", "china", 2022, "items",
        "2012～2022年年度“中国科学十大进展”", "(2022 - 2012 + 1) * 10"),
    R("top10_science_advances_share", "beijing", 2022, 51, "percent", "exact",
        "占全部获奖项目的51%", "share of the 2012–2022 lists, dated to the last list"),
    R("mit_breakthrough_technologies", "zgc", 2021, 3, "technologies", "exact",
        "三项技术入选麻省理工科技评论“2021年全球十大突破性技术”"),
    # --- the park ---------------------------------------------------------------------
    R("area", "zgc", 2024, 488, "km2", "exact", "空间规模488平方公里", CURRENT),
    R("forum_editions", "zgc_forum", 2024, 14, "editions", "exact", "已成功举办14届",
        CURRENT + "; the 2024 meeting (April 25–29) is still ahead"),
    R("minutes_per_new_tech_firm", "beijing", 2024, 5, "minutes", "less_than",
        "不到5分钟，就有一家科技型企业在北京落户、诞生", CURRENT),
    # --- technology -------------------------------------------------------------------
    R("quantum_direct_communication_rate", "baqis", 2024, 1000, "bits_per_second", "about",
        "量子直接通信样机每秒千比特量级的通信速率",
        CURRENT + "; 千比特量级 = order of a kilobit per second"),
    R("blockchain_chip_cores", "beijing", 2024, 256, "cores", "exact",
        "新一代256核区块链专用加速芯片", "no year given; " + CURRENT),
    R("key_industry_fields", "zgc", 2024, 9, "fields", "exact", "中关村聚焦9大产业领域",
        "no year given; " + CURRENT),
    R("autonomous_driving_test_distance", "zgc_yizhuang", 2024, 30000000, "km", "nearly",
        "累计自动驾驶测试里程近3000万公里",
        "cumulative, high-level autonomous driving demonstration zone; " + CURRENT),
    R("autonomous_driving_service_trips", "zgc_yizhuang", 2024, 11600000, "person_trips",
        "more_than", "提供常态化出行与生活服务超1160万人次",
        "cumulative, high-level autonomous driving demonstration zone; " + CURRENT),
    R("research_team_size", "baai", 2020, 100, "persons", "more_than",
        "很快聚集了百余人组成的顶尖科研队伍",
        "assembled soon after BAAI turned to large models in the second half of 2020"),
    R("wudao_2_parameters", "baai", 2021, 1750000000000, "parameters", "exact",
        "拥有1.75万亿参数的“悟道2.0”发布",
        "year from the article's timeline: 悟道 5 months after H2 2020, 悟道2.0 3 months later"),
    R("registered_large_models", "china", 2024, 107, "models", "exact",
        "目前全国已备案上线大模型107款", CURRENT),
    R("registered_large_models", "zgc", 2024, 47, "models", "exact", "其中中关村47款", CURRENT),
    R("registered_large_models_share", "zgc", 2024, 40, "percent", "more_than",
        "占全国备案上线数四成以上", CURRENT),
    # --- industry ---------------------------------------------------------------------
    R("private_commercial_launches", "china", 2023, 13, "launches", "exact",
        "2023年我国民营火箭企业的13次商业发射"),
    R("private_commercial_launches", "beijing", 2023, 13, "launches", "exact",
        "13次商业发射，全部来自北京"),
    R("commercial_space_top100_firms", "china", 2023, 100, "firms", "exact",
        "“2023中国商业航天企业百强”", "百强: the list has 100 firms"),
    R("commercial_space_top100_firms", "beijing", 2023, 51, "firms", "exact",
        "北京企业以51家占据全国半壁江山"),
    R("commercial_space_little_giants", "beijing", 2023, 30, "firms", "nearly",
        "近30家企业获评国家级专精特新“小巨人”称号",
        "no year given; stated with the 2023 top-100 list"),
    R("industry_support_policies", "beijing", 2024, 30, "policies", "more_than",
        "出台人形机器人、商业航天、无人机等30余项细分产业支持政策", CURRENT),
    R("innovation_consortia", "zgc", 2024, 24, "consortia", "exact",
        "推动领军企业组建24个创新联合体", CURRENT),
    R("technology_innovation_centers", "zgc", 2024, 20, "institutions", "exact",
        "20家技术创新中心", CURRENT),
    R("innovative_pharma_firms", "zgc_life_science_park", 2024, 600, "firms", "more_than",
        "聚集600余家创新型医药企业", CURRENT),
    R("specialty_industrial_parks", "beijing", 2024, 23, "parks", "exact",
        "北京高品质建设23家特色产业园区", CURRENT),
    R("big_data_market_share_rank", "beijing", 2024, 1, "rank", "exact",
        "大数据、信息安全市场占有率全国第一", "national rank; " + CURRENT),
    R("information_security_market_share_rank", "beijing", 2024, 1, "rank", "exact",
        "大数据、信息安全市场占有率全国第一", "national rank; " + CURRENT),
    R("innovative_medical_device_rank", "beijing", 2022, 1, "rank", "exact",
        "2022年创新医疗器械、AI三类医疗器械上市品种和数量均居全国第一",
        "national rank by approved varieties and number"),
    R("ai_class3_medical_device_rank", "beijing", 2022, 1, "rank", "exact",
        "2022年创新医疗器械、AI三类医疗器械上市品种和数量均居全国第一",
        "national rank by approved varieties and number"),
    R("biomedicine_cluster_firms", "beijing", 2024, 1800, "firms", "more_than",
        "生物医药产业集群聚集了1800余家企业", CURRENT),
    R("trillion_yuan_industry_clusters", "beijing", 2023, 2, "clusters", "exact",
        "形成新一代信息技术、科技服务业2个万亿级产业集群",
        "no year given; dated 2023, the year before the 2024 expectation of a third"),
    R("trillion_yuan_industry_clusters", "beijing", 2024, 3, "clusters", "exact",
        "2024年有望成为第三个万亿级产业集群", "有望: biomedicine expected to be the third",
        status="estimate"),
    R("biomedicine_industry_scale", "beijing", 2023, 980000000000, "CNY", "nearly",
        "规模近9800亿元的生物医药产业",
        "no year given; dated 2023, the last full year before the 2024 expectation"),
    # --- enterprises ------------------------------------------------------------------
    R("fortune_global_500_firms", "zgc", 2022, 9, "firms", "exact",
        "9家企业入选2022年《财富》“世界500强”"),
    R("global_rd_2500_firms", "zgc", 2022, 93, "firms", "exact",
        "93家企业入围国际组织发布的“2022年全球研发投入2500强”"),
    R("high_tech_firms", "zgc", 2022, 16000, "firms", "exact",
        "2022年，中关村示范区拥有国家高新技术企业1.6万家"),
    R("firms_revenue_over_100m", "zgc", 2012, 1897, "firms", "exact",
        "年收入亿元以上企业由2012年的1897家"),
    R("firms_revenue_over_100m", "zgc", 2022, 4245, "firms", "exact",
        "年收入亿元以上企业由2012年的1897家增加到2022年的4245家"),
    R("firms_revenue_over_100b", "zgc", 2012, 0, "firms", "exact", "超千亿元企业从无到有",
        "从无到有: none in 2012, the base year of the sentence's comparisons"),
    R("firms_revenue_over_100b", "zgc", 2022, 11, "firms", "exact",
        "超千亿元企业从无到有，2022年达到11家"),
    R("listed_firms", "zgc", 2012, 224, "firms", "exact", "累计上市企业由2012年的224家"),
    R("listed_firms", "zgc", 2022, 487, "firms", "exact",
        "累计上市企业由2012年的224家增加到2022年的487家"),
    # --- ecosystem --------------------------------------------------------------------
    R("incubation_institutions", "zgc", 2024, 200, "institutions", "more_than",
        "200多家创业孵化机构", CURRENT),
    R("alliances_and_nonprofits", "zgc", 2024, 600, "institutions", "nearly",
        "近600家联盟协会和民非组织", CURRENT),
    R("professional_service_institutions", "zgc", 2024, 1000, "institutions", "more_than",
        "上千家法律、会计、知识产权服务机构", CURRENT),
    R("national_incubators", "zgc", 2022, 65, "institutions", "exact",
        "2022年，中关村拥有国家级科技企业孵化器65家"),
    R("national_maker_spaces", "zgc", 2022, 144, "institutions", "exact", "国家备案众创空间144个"),
    R("national_tech_transfer_institutions", "zgc", 2022, 51, "institutions", "exact",
        "国家技术转移机构51家"),
    R("startup_incubation_overall_rank", "beijing", 2023, 4, "rank", "exact",
        "北京创业孵化综合全球排名第四", "global rank, 全球城市创业孵化指数 published May 2023"),
    R("incubation_performance_rank", "beijing", 2023, 1, "rank", "exact",
        "孵化绩效单项指标全球排名第一", "global rank, 全球城市创业孵化指数 published May 2023"),
    # --- talent -----------------------------------------------------------------------
    R("employees", "zgc", 2022, 2790000, "persons", "exact", "2022年，中关村从业人员279万人"),
    derived("employees", "zgc", 2013, "persons", "中关村从业人员279万人，是2013年的1.5倍",
        "2790000 / 1.5"),
    R("returnee_employees", "zgc", 2022, 63000, "persons", "exact", "其中留学归国人员6.3万人"),
    derived("returnee_employees", "zgc", 2012, "persons",
        "其中留学归国人员6.3万人，是2012年的3倍", "63000 / 3"),
    R("researchers", "beijing", 2024, 550000, "persons", "more_than", "北京拥有55万余名科研人员",
        CURRENT),
    R("academician_share", "beijing", 2024, 50, "percent", "nearly", "全国近一半的两院院士",
        "share of China's CAS and CAE academicians; " + CURRENT),
    R("ai_top_talent_share", "beijing", 2024, 43, "percent", "about",
        "北京的人工智能顶尖人才占全国总量的43%左右", CURRENT),
    # --- regional cooperation ---------------------------------------------------------
    R("distance_from_beijing", "baoding_zgc_innovation_center", 2024, 150, "km", "more_than",
        "北京向南150余公里，在保定朝阳北大街", "geographic constant, dated to publication"),
    R("high_tech_firms_cultivated", "baoding_zgc_innovation_center", 2023, 80, "firms",
        "more_than", "保定·中关村创新中心累计培育高新技术企业80余家", "cumulative to end of 2023"),
    R("tech_smes_cultivated", "baoding_zgc_innovation_center", 2023, 300, "firms", "more_than",
        "科技型中小企业300余家", "cumulative to end of 2023"),
    R("tenant_rd_investment", "baoding_zgc_innovation_center", 2023, 100000000, "CNY",
        "more_than", "入驻企业累计研发投入超亿元", "cumulative to end of 2023"),
    R("intellectual_property_items", "baoding_zgc_innovation_center", 2023, 1000, "items",
        "more_than", "拥有知识产权千余件", "to end of 2023"),
    R("phase1_occupancy_rate", "xiongan_zgc_science_park", 2024, 90, "percent", "exact",
        "雄安中关村科技园一期入驻率已达90%", CURRENT),
    R("branches_in_tianjin_hebei", "zgc", 2024, 9500, "branches", "more_than",
        "中关村示范区企业累计在津冀地区设立分支机构超过9500家", CURRENT),
    R("tech_contracts_to_tianjin_hebei", "beijing", 2023, 6758, "contracts", "exact",
        "2023年北京流向津冀技术合同数6758项"),
    derived("tech_contracts_to_tianjin_hebei", "beijing", 2022, "contracts",
        "技术合同数6758项、成交额784.7亿元，比2022年分别增长14.9%", "6758 / (1 + 14.9 / 100)"),
    R("tech_contract_value_to_tianjin_hebei", "beijing", 2023, 78470000000, "CNY", "exact",
        "2023年北京流向津冀技术合同数6758项、成交额784.7亿元"),
    derived("tech_contract_value_to_tianjin_hebei", "beijing", 2022, "CNY",
        "成交额784.7亿元，比2022年分别增长14.9%、109.8%", "78470000000 / (1 + 109.8 / 100)"),
    R("cooperation_provinces", "zgc", 2024, 26, "provinces", "exact", "中关村与全国26个省区市",
        CURRENT),
    R("cooperation_regions", "zgc", 2024, 77, "regions", "exact",
        "26个省区市的77个地区（单位）建立战略合作关系", CURRENT),
    R("industrialization_bases", "zgc", 2024, 27, "bases", "exact", "共建27个科技成果产业化基地",
        CURRENT),
]


# metric -> (name_en, name_zh, category, description)
INDICATORS: dict[str, tuple[str, str, str, str]] = {
    "revenue": ("Total revenue of firms", "企业总收入", "economy",
        "Total revenue of firms in the Zhongguancun demonstration zone."),
    "invention_patents": ("Valid invention patents held", "有效发明专利拥有量", "innovation",
        "Valid invention patents held by firms in the demonstration zone."),
    "patents_per_10k_people": ("Invention patents per 10,000 people", "每万人发明专利拥有量",
        "innovation", "Invention patents held per 10,000 residents."),
    "top10_science_advances": ("Items in China's Top 10 Science Advances",
        "中国科学十大进展入选项目", "innovation",
        "Items on the annual Top 10 Science Advances lists (MOST), 2012–2022; Beijing: items "
        "led by Beijing institutions."),
    "top10_science_advances_share": ("Share of Top 10 Science Advances led from Beijing",
        "北京牵头项目占中国科学十大进展比重", "innovation",
        "Share of all 2012–2022 Top 10 Science Advances items led by Beijing institutions."),
    "mit_breakthrough_technologies": ("Technologies on MIT TR's 10 Breakthrough Technologies",
        "入选麻省理工科技评论全球十大突破性技术", "technology",
        "Zhongguancun technologies on MIT Technology Review's 10 Breakthrough Technologies list."),
    "area": ("Area", "空间规模", "ecosystem",
        "Land area of the demonstration zone (one zone, many parks)."),
    "forum_editions": ("Zhongguancun Forum editions held", "中关村论坛举办届数", "ecosystem",
        "Editions of the Zhongguancun Forum held since its founding in 2007."),
    "minutes_per_new_tech_firm": ("Minutes between new tech firms", "科技型企业诞生间隔",
        "enterprises", "How often a new technology firm is set up in Beijing."),
    "quantum_direct_communication_rate": ("Quantum direct communication rate", "量子直接通信速率",
        "technology",
        "Rate of the quantum direct communication prototype at the Beijing Academy of Quantum "
        "Information Sciences."),
    "blockchain_chip_cores": ("Cores of the blockchain accelerator chip",
        "区块链专用加速芯片核数", "technology",
        "Cores of the new-generation blockchain accelerator chip."),
    "key_industry_fields": ("Key industry fields targeted", "聚焦产业领域", "industry",
        "Industry fields of the core-technology campaign."),
    "autonomous_driving_test_distance": ("Autonomous driving test distance", "自动驾驶测试里程",
        "technology",
        "Cumulative test distance in the high-level autonomous driving demonstration zone."),
    "autonomous_driving_service_trips": ("Autonomous driving service trips",
        "自动驾驶出行与生活服务人次", "technology",
        "Person-trips of regular mobility and life services in the autonomous driving "
        "demonstration zone."),
    "research_team_size": ("Large-model research team", "大模型顶尖科研队伍人数", "talent",
        "Researchers BAAI gathered for large-model work."),
    "wudao_2_parameters": ("Parameters of WuDao 2.0", "悟道2.0参数量", "technology",
        "Parameters of BAAI's WuDao 2.0 model, then the world's largest."),
    "registered_large_models": ("Registered large models online", "已备案上线大模型",
        "technology", "Generative AI large models registered and online."),
    "registered_large_models_share": ("Share of China's registered large models",
        "占全国备案上线大模型比重", "technology",
        "Zhongguancun's share of China's registered large models."),
    "private_commercial_launches": ("Commercial launches by private rocket firms",
        "民营火箭企业商业发射次数", "industry",
        "Commercial launches by Chinese private rocket firms."),
    "commercial_space_top100_firms": ("Firms in the China Commercial Space Top 100",
        "中国商业航天企业百强企业数", "industry",
        "Firms on the 2023 China Commercial Space Top 100 list."),
    "commercial_space_little_giants": ("Commercial space 'little giant' firms",
        "专精特新小巨人企业数（商业航天）", "enterprises",
        "Beijing commercial space firms named national specialised 'little giants'."),
    "industry_support_policies": ("Industry-specific support policies", "细分产业支持政策",
        "policy",
        "Support policies for industry segments such as humanoid robots, commercial space and "
        "drones."),
    "innovation_consortia": ("Innovation consortia", "创新联合体", "enterprises",
        "Innovation consortia formed by leading firms."),
    "technology_innovation_centers": ("Technology innovation centres", "技术创新中心",
        "enterprises", "Technology innovation centres formed by leading firms."),
    "innovative_pharma_firms": ("Innovative pharmaceutical firms", "创新型医药企业", "industry",
        "Innovative pharmaceutical firms in the life science park."),
    "specialty_industrial_parks": ("Specialty industrial parks", "特色产业园区", "industry",
        "Specialty industrial parks built in Beijing."),
    "big_data_market_share_rank": ("Big data market share rank", "大数据市场占有率排名",
        "industry", "National rank by big data market share."),
    "information_security_market_share_rank": ("Information security market share rank",
        "信息安全市场占有率排名", "industry",
        "National rank by information security market share."),
    "innovative_medical_device_rank": ("Innovative medical devices rank", "创新医疗器械排名",
        "industry", "National rank by innovative medical devices approved for market."),
    "ai_class3_medical_device_rank": ("AI class III medical devices rank", "AI三类医疗器械排名",
        "industry", "National rank by AI class III medical devices approved for market."),
    "biomedicine_cluster_firms": ("Firms in the biomedicine cluster", "生物医药产业集群企业数",
        "industry", "Firms in Beijing's biomedicine cluster."),
    "trillion_yuan_industry_clusters": ("Trillion-yuan industry clusters", "万亿级产业集群",
        "industry", "Industry clusters at the trillion-yuan level."),
    "biomedicine_industry_scale": ("Scale of the biomedicine industry", "生物医药产业规模",
        "economy", "Size of Beijing's biomedicine industry."),
    "fortune_global_500_firms": ("Fortune Global 500 firms", "世界500强企业", "enterprises",
        "Zhongguancun firms on the Fortune Global 500 list."),
    "global_rd_2500_firms": ("Global R&D top 2500 firms", "全球研发投入2500强企业", "enterprises",
        "Zhongguancun firms among the world's top 2500 R&D investors."),
    "high_tech_firms": ("National high-tech enterprises", "国家高新技术企业", "enterprises",
        "National high-tech enterprises in the demonstration zone."),
    "firms_revenue_over_100m": ("Firms with revenue of 100 million yuan or more",
        "年收入亿元以上企业", "enterprises",
        "Firms with annual revenue of at least 100 million yuan."),
    "firms_revenue_over_100b": ("Firms with revenue over 100 billion yuan", "超千亿元企业",
        "enterprises", "Firms with annual revenue above 100 billion yuan."),
    "listed_firms": ("Listed firms (cumulative)", "累计上市企业", "enterprises",
        "Firms listed on stock markets, cumulative."),
    "incubation_institutions": ("Start-up incubation institutions", "创业孵化机构", "ecosystem",
        "Start-up incubation institutions."),
    "alliances_and_nonprofits": ("Alliances, associations and non-profits", "联盟协会和民非组织",
        "ecosystem", "Industry alliances, associations and private non-profit organisations."),
    "professional_service_institutions": ("Legal, accounting and IP service firms",
        "法律、会计、知识产权服务机构", "ecosystem",
        "Legal, accounting and intellectual property service institutions."),
    "national_incubators": ("National tech business incubators", "国家级科技企业孵化器",
        "ecosystem", "National-level technology business incubators."),
    "national_maker_spaces": ("Nationally registered maker spaces", "国家备案众创空间",
        "ecosystem", "Maker spaces on the national register."),
    "national_tech_transfer_institutions": ("National technology transfer institutions",
        "国家技术转移机构", "ecosystem", "National technology transfer institutions."),
    "startup_incubation_overall_rank": ("Global start-up incubation rank, overall",
        "创业孵化综合全球排名", "ecosystem",
        "Overall world rank in the Global City Start-up Incubation Index."),
    "incubation_performance_rank": ("Global incubation performance rank",
        "孵化绩效单项指标全球排名", "ecosystem",
        "World rank on the incubation performance indicator of the Global City Start-up "
        "Incubation Index."),
    "employees": ("Employees", "从业人员", "talent", "People employed by firms in Zhongguancun."),
    "returnee_employees": ("Returnee employees", "留学归国人员", "talent",
        "Employees who returned from study abroad."),
    "researchers": ("Researchers", "科研人员", "talent", "Research personnel in Beijing."),
    "academician_share": ("Share of China's academicians", "两院院士占全国比重", "talent",
        "Share of China's CAS and CAE academicians who are in Beijing."),
    "ai_top_talent_share": ("Share of China's top AI talent", "人工智能顶尖人才占全国比重",
        "talent", "Share of China's top AI talent who are in Beijing."),
    "distance_from_beijing": ("Distance from Beijing", "距北京距离", "regional_cooperation",
        "Distance south from Beijing."),
    "high_tech_firms_cultivated": ("High-tech enterprises cultivated", "累计培育高新技术企业",
        "regional_cooperation", "High-tech enterprises cultivated, cumulative."),
    "tech_smes_cultivated": ("Tech SMEs cultivated", "累计培育科技型中小企业",
        "regional_cooperation", "Technology-based small and medium firms cultivated, cumulative."),
    "tenant_rd_investment": ("R&D investment by tenant firms", "入驻企业累计研发投入",
        "regional_cooperation", "Cumulative R&D spending of tenant firms."),
    "intellectual_property_items": ("Intellectual property items", "知识产权", "innovation",
        "Intellectual property rights held."),
    "phase1_occupancy_rate": ("Phase 1 occupancy rate", "一期入驻率", "regional_cooperation",
        "Occupancy of the park's first phase."),
    "branches_in_tianjin_hebei": ("Branches set up in Tianjin and Hebei", "在津冀设立分支机构",
        "regional_cooperation",
        "Branches set up in Tianjin and Hebei by Zhongguancun firms, cumulative."),
    "tech_contracts_to_tianjin_hebei": ("Technology contracts to Tianjin and Hebei",
        "流向津冀技术合同数", "regional_cooperation",
        "Technology contracts flowing from Beijing to Tianjin and Hebei."),
    "tech_contract_value_to_tianjin_hebei": ("Value of technology contracts to Tianjin and Hebei",
        "流向津冀技术合同成交额", "regional_cooperation",
        "Turnover of technology contracts flowing from Beijing to Tianjin and Hebei."),
    "cooperation_provinces": ("Provinces with strategic cooperation", "战略合作省区市",
        "regional_cooperation", "Provincial-level regions with strategic cooperation ties."),
    "cooperation_regions": ("Regions with strategic cooperation", "战略合作地区（单位）",
        "regional_cooperation", "Regions (or units) with strategic cooperation ties."),
    "industrialization_bases": ("Co-built industrialisation bases", "共建科技成果产业化基地",
        "regional_cooperation", "Bases co-built to industrialise research results."),
}
# fmt: on


CATEGORIES = (
    "economy",
    "innovation",
    "talent",
    "enterprises",
    "ecosystem",
    "industry",
    "technology",
    "regional_cooperation",
    "policy",
)


@dataclass(frozen=True)
class Claim:
    claim_id: str
    kind: str
    metric: str
    entity: str
    year: int
    base_metric: str
    base_entity: str
    base_year: int | None
    low: str
    high: str
    low_inclusive: str
    high_inclusive: str
    quote: str
    note: str


def claim(
    claim_id: str,
    kind: str,
    subject: tuple[str, str, int],
    base: tuple[str, str, int] | None,
    low: float | None,
    high: float | None,
    low_inclusive: bool,
    high_inclusive: bool,
    quote: str,
    note: str = "",
) -> Claim:
    def bound(number: float | None) -> str:
        return "" if number is None else format_number(number)

    def flag(number: float | None, inclusive: bool) -> str:
        # An unbounded side has no inclusiveness to state.
        return "" if number is None else str(inclusive).lower()

    base_metric, base_entity, base_year = base if base else ("", "", None)
    return Claim(
        claim_id,
        kind,
        *subject,
        base_metric,
        base_entity,
        base_year,
        bound(low),
        bound(high),
        flag(low, low_inclusive),
        flag(high, high_inclusive),
        quote,
        note,
    )


# fmt: off
CLAIMS: list[Claim] = [
    claim("invention_patents_nearly_doubled", "ratio", ("invention_patents", "zgc", 2023),
        ("invention_patents", "zgc", 2020), 1.75, 2, True, False, "这一数量已增长近一倍",
        "近一倍: growth a little under 100%; both figures are lower bounds (突破)"),
    claim("employees_1_5_times_2013", "ratio", ("employees", "zgc", 2022),
        ("employees", "zgc", 2013), 1.45, 1.55, True, False, "是2013年的1.5倍",
        "1.5 is stated to one decimal"),
    claim("returnees_3_times_2012", "ratio", ("returnee_employees", "zgc", 2022),
        ("returnee_employees", "zgc", 2012), 2.5, 3.5, True, False, "是2012年的3倍",
        "3 is stated as a whole number"),
    claim("returnees_among_employees", "share_pct", ("returnee_employees", "zgc", 2022),
        ("employees", "zgc", 2022), 0, 100, True, True, "其中留学归国人员6.3万人",
        "其中: returnees are a part of all employees"),
    claim("patents_per_10k_grew_over_fourfold", "growth_pct",
        ("patents_per_10k_people", "beijing", 2023), ("patents_per_10k_people", "beijing", 2014),
        400, 500, False, False, "每万人发明专利拥有量增长四倍多",
        "增长四倍多: grew by four times and more (ratio between 5 and 6)"),
    claim("large_models_share_over_40", "share_pct", ("registered_large_models", "zgc", 2024),
        ("registered_large_models", "china", 2024), 40, None, True, False,
        "占全国备案上线数四成以上", "四成以上: 40% or more"),
    claim("top10_advances_share_51", "share_pct", ("top10_science_advances", "beijing", 2022),
        ("top10_science_advances", "china", 2022), 50.5, 51.5, True, False, "占全部获奖项目的51%",
        "51% rounded to a whole percent"),
    claim("commercial_space_half", "share_pct",
        ("commercial_space_top100_firms", "beijing", 2023),
        ("commercial_space_top100_firms", "china", 2023), 45, 55, True, True,
        "北京企业以51家占据全国半壁江山",
        "半壁江山 (half the country) read as about half: 45% to 55%"),
    claim("launches_all_from_beijing", "share_pct",
        ("private_commercial_launches", "beijing", 2023),
        ("private_commercial_launches", "china", 2023), 100, 100, True, True,
        "13次商业发射，全部来自北京", "全部: all of them"),
    claim("tech_contracts_growth_14_9", "growth_pct",
        ("tech_contracts_to_tianjin_hebei", "beijing", 2023),
        ("tech_contracts_to_tianjin_hebei", "beijing", 2022), 14.85, 14.95, True, False,
        "比2022年分别增长14.9%", "14.9% rounded to one decimal"),
    claim("tech_contract_value_growth_109_8", "growth_pct",
        ("tech_contract_value_to_tianjin_hebei", "beijing", 2023),
        ("tech_contract_value_to_tianjin_hebei", "beijing", 2022), 109.75, 109.85, True, False,
        "比2022年分别增长14.9%、109.8%", "109.8% rounded to one decimal"),
    claim("firms_over_100b_none_in_2012", "value", ("firms_revenue_over_100b", "zgc", 2012), None,
        0, 0, True, True, "超千亿元企业从无到有", "从无: none at the start (2012)"),
    claim("firms_over_100b_some_in_2022", "value", ("firms_revenue_over_100b", "zgc", 2022), None,
        0, None, False, False, "超千亿元企业从无到有，2022年达到11家", "到有: some by 2022"),
    claim("revenue_rose", "growth_pct", ("revenue", "zgc", 2023), ("revenue", "zgc", 2014), 0,
        None, False, False, "企业总收入从2014年的3.6万亿元提高到2023年的预计8.6万亿元",
        "提高到: rose"),
    claim("firms_over_100m_rose", "growth_pct", ("firms_revenue_over_100m", "zgc", 2022),
        ("firms_revenue_over_100m", "zgc", 2012), 0, None, False, False,
        "由2012年的1897家增加到2022年的4245家", "增加到: rose"),
    claim("listed_firms_rose", "growth_pct", ("listed_firms", "zgc", 2022),
        ("listed_firms", "zgc", 2012), 0, None, False, False,
        "由2012年的224家增加到2022年的487家", "增加到: rose"),
    claim("biomedicine_below_trillion", "value", ("biomedicine_industry_scale", "beijing", 2023),
        None, None, 1e12, False, False,
        "规模近9800亿元的生物医药产业，2024年有望成为第三个万亿级产业集群",
        "not yet at the 万亿 (one trillion yuan) level, only expected to reach it in 2024"),
]
# fmt: on


def _csv_text(header: list[str], rows: list[tuple[object, ...]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue()


def _field(name: str, type_: str, description: str, **extra: object) -> dict[str, object]:
    return {"name": name, "type": type_, "description": description, **extra}


SNAKE_CASE = "^[a-z][a-z0-9_]*$"


def datapackage() -> dict[str, object]:
    required = {"required": True}
    metrics_fields = [
        _field(
            "metric",
            "string",
            "Stable snake_case id of the indicator; see indicators.csv.",
            constraints={**required, "pattern": SNAKE_CASE},
        ),
        _field(
            "entity",
            "string",
            "What is measured: zgc (the demonstration zone), beijing, china, or a named "
            "park, centre or institute.",
            constraints={**required, "pattern": SNAKE_CASE},
        ),
        _field(
            "year",
            "integer",
            "Year the figure refers to; figures stated as current are dated 2024.",
            constraints={**required, "minimum": 2000, "maximum": 2030},
        ),
        _field(
            "value",
            "number",
            "The figure in base units (yuan, persons, percent...).",
            constraints=required,
        ),
        _field("unit", "string", "Base unit of value.", constraints=required),
        _field(
            "status",
            "string",
            "reported: stated; estimate: stated as expected (预计, 有望); derived: computed "
            "from other figures of the article (arithmetic in note).",
            constraints={**required, "enum": ["reported", "estimate", "derived"]},
        ),
        _field(
            "qualifier",
            "string",
            "How the article bounds the figure: exact, more_than (突破, 超, 余, 多, 以上), "
            "nearly (近), about (约, 左右, 量级), less_than (不到).",
            constraints={
                **required,
                "enum": ["exact", "more_than", "nearly", "about", "less_than"],
            },
        ),
        _field(
            "quote",
            "string",
            "Shortest verbatim passage of the article stating the figure.",
            constraints=required,
        ),
        _field(
            "note",
            "string",
            "For derived rows the arithmetic computing value; otherwise judgment calls.",
        ),
    ]
    indicators_fields = [
        _field(
            "metric",
            "string",
            "Indicator id.",
            constraints={**required, "unique": True, "pattern": SNAKE_CASE},
        ),
        _field("name_en", "string", "English name.", constraints=required),
        _field("name_zh", "string", "Chinese name.", constraints=required),
        _field("unit", "string", "Base unit of the indicator's values.", constraints=required),
        _field("category", "string", "Theme.", constraints={**required, "enum": list(CATEGORIES)}),
        _field("description", "string", "One-line description.", constraints=required),
    ]
    claims_fields = [
        _field(
            "claim_id",
            "string",
            "Claim id.",
            constraints={**required, "unique": True, "pattern": SNAKE_CASE},
        ),
        _field(
            "kind",
            "string",
            "ratio: value/base; growth_pct: (value/base - 1) x 100; share_pct: value/base "
            "x 100; value: the value itself (no base).",
            constraints={**required, "enum": ["ratio", "growth_pct", "share_pct", "value"]},
        ),
        _field("metric", "string", "Subject observation: metric.", constraints=required),
        _field("entity", "string", "Subject observation: entity.", constraints=required),
        _field("year", "integer", "Subject observation: year.", constraints=required),
        _field("base_metric", "string", "Base observation: metric (empty for kind value)."),
        _field("base_entity", "string", "Base observation: entity."),
        _field("base_year", "integer", "Base observation: year."),
        _field("low", "number", "Lower bound of the measure; empty: unbounded."),
        _field("high", "number", "Upper bound of the measure; empty: unbounded."),
        _field("low_inclusive", "boolean", "Whether low itself satisfies the claim."),
        _field("high_inclusive", "boolean", "Whether high itself satisfies the claim."),
        _field("quote", "string", "Verbatim passage making the claim.", constraints=required),
        _field("note", "string", "How the wording was read as a band."),
    ]
    return {
        "profile": "tabular-data-package",
        "name": "zhongguancun-innovation-figures",
        "title": "Zhongguancun innovation figures from one Outlook Weekly article (April 2024)",
        "description": (
            "Every quantitative figure of one 《瞭望》新闻周刊 (Outlook Weekly) article on "
            "Zhongguancun, as tidy observations with the verbatim sentence that states each, "
            "plus the article's own relative claims (ratios, growth, shares). Figures stated "
            "as current are dated 2024. Licence: the figures are facts and not subject to "
            "copyright; the compilation (selection, ids, base-unit conversion, derived values, "
            "claims) is released under CC-BY-4.0 rather than a public-domain dedication so "
            "that reuse keeps the attribution to the source article. The quotes remain the "
            "publisher's text, included as short citations for verification."
        ),
        "version": "1.0.0",
        "keywords": ["zhongguancun", "beijing", "innovation", "science parks", "china"],
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "sources": [
            {
                "title": (
                    "《瞭望》新闻周刊 article on Zhongguancun and its world-leading science park "
                    "(headline not included in the source text; sections 新使命, 新技术, 新产业, "
                    "新生态), published in April 2024 before the 2024 Zhongguancun Forum "
                    "(April 25–29)"
                ),
                "publisher": "《瞭望》新闻周刊 (Outlook Weekly)",
                "authors": "郭奔胜, 王明浩, 尚前名, 陈燕, 张漫子",
                "date": "2024-04",
            }
        ],
        "resources": [
            {
                "name": "metrics",
                "path": "metrics.csv",
                "profile": "tabular-data-resource",
                "title": "Observations",
                "description": "One row per figure: (metric, entity, year) -> value.",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": metrics_fields,
                    "primaryKey": ["metric", "entity", "year"],
                    "foreignKeys": [
                        {
                            "fields": "metric",
                            "reference": {"resource": "indicators", "fields": "metric"},
                        }
                    ],
                    "missingValues": [""],
                },
            },
            {
                "name": "indicators",
                "path": "indicators.csv",
                "profile": "tabular-data-resource",
                "title": "Indicators",
                "description": "Metadata kept once per metric.",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": indicators_fields,
                    "primaryKey": ["metric"],
                    "missingValues": [""],
                },
            },
            {
                "name": "claims",
                "path": "claims.csv",
                "profile": "tabular-data-resource",
                "title": "Claims",
                "description": "The article's relative claims with the band each must satisfy.",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": claims_fields,
                    "primaryKey": ["claim_id"],
                    "foreignKeys": [
                        {
                            "fields": ["metric", "entity", "year"],
                            "reference": {
                                "resource": "metrics",
                                "fields": ["metric", "entity", "year"],
                            },
                        },
                        # Empty for kind "value"; frictionless skips all-empty keys.
                        {
                            "fields": ["base_metric", "base_entity", "base_year"],
                            "reference": {
                                "resource": "metrics",
                                "fields": ["metric", "entity", "year"],
                            },
                        },
                    ],
                    "missingValues": [""],
                },
            },
        ],
    }


def build() -> dict[str, str]:
    """The text of each output file, after every check has passed."""
    problems: list[str] = []
    for row in OBSERVATIONS:
        if row.quote not in ARTICLE:
            problems.append(f"quote not in article: {row.metric}/{row.entity}/{row.year}")
        if row.metric not in INDICATORS:
            problems.append(f"no indicator metadata: {row.metric}")
    for item in CLAIMS:
        if item.quote not in ARTICLE:
            problems.append(f"claim quote not in article: {item.claim_id}")
    keys = [(row.metric, row.entity, row.year) for row in OBSERVATIONS]
    problems += [f"duplicate key {key}" for key in {k for k in keys if keys.count(k) > 1}]
    units: dict[str, set[str]] = {}
    for row in OBSERVATIONS:
        units.setdefault(row.metric, set()).add(row.unit)
    problems += [f"{metric} has several units: {u}" for metric, u in units.items() if len(u) > 1]
    problems += [f"unused indicator {m}" for m in INDICATORS if m not in units]
    problems += [
        f"unknown category {meta[2]}" for meta in INDICATORS.values() if meta[2] not in CATEGORIES
    ]

    metrics_columns = [f.name for f in fields(Observation)]
    metrics_text = _csv_text(metrics_columns, [astuple(row) for row in OBSERVATIONS])
    claims_text = _csv_text([f.name for f in fields(Claim)], [astuple(c) for c in CLAIMS])
    indicators_text = _csv_text(
        ["metric", "name_en", "name_zh", "unit", "category", "description"],
        [
            (
                metric,
                name_en,
                name_zh,
                units[metric].pop() if metric in units else "",
                category,
                description,
            )
            for metric, (name_en, name_zh, category, description) in INDICATORS.items()
        ],
    )

    observations = pd.read_csv(io.StringIO(metrics_text))
    claims = pd.read_csv(io.StringIO(claims_text))
    for name, report in (
        ("observation", verify_observations(observations, ARTICLE)),
        ("claim", verify_claims(observations, claims)),
    ):
        for failure in report[report["result"] != "pass"].itertuples():
            problems.append(
                f"{name} check {failure.check} {failure.metric}/{failure.entity}/"
                f"{failure.year}: {failure.result}: {failure.detail} "
                f"(expected {failure.expected}, found {failure.found})"
            )
    if problems:
        raise SystemExit("refusing to write the dataset:\n  " + "\n  ".join(problems))

    return {
        "metrics.csv": metrics_text,
        "indicators.csv": indicators_text,
        "claims.csv": claims_text,
        "datapackage.json": json.dumps(datapackage(), ensure_ascii=False, indent=2) + "\n",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    arguments = parser.parse_args()
    outputs = build()
    if arguments.check:
        stale = [
            name
            for name, text in outputs.items()
            if not (DATA / name).exists() or (DATA / name).read_text(encoding="utf-8") != text
        ]
        if stale:
            raise SystemExit("out of date: " + ", ".join(stale))
        print("data/ is up to date")
        return
    DATA.mkdir(exist_ok=True)
    for name, text in outputs.items():
        (DATA / name).write_text(text, encoding="utf-8", newline="\n")
    print(
        f"wrote {len(OBSERVATIONS)} observations, {len(INDICATORS)} indicators, "
        f"{len(CLAIMS)} claims to {DATA.relative_to(REPO)}/"
    )


if __name__ == "__main__":
    main()
