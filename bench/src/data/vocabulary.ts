/**
 * Word lists the hospital data is drawn from: departments, diagnoses, symptoms, names. Plain
 * data, no logic. The rare diagnosis is what the text "contains" figure searches for, so that
 * the filter must scan the whole table to fill its page (the worst case, as in the issue).
 */

export const departments = [
  'Internal Medicine', 'Cardiology', 'Respiratory', 'Gastroenterology', 'Neurology', 'Orthopedics', 'Pediatrics',
  'Obstetrics & Gynecology', 'Dermatology', 'Ophthalmology', 'ENT', 'Emergency', 'Oncology', 'Endocrinology',
] as const;

export const visitTypes = ['Outpatient', 'Emergency', 'Inpatient', 'Follow-up', 'Telemedicine'] as const;

export const symptoms = [
  'Fever', 'Cough', 'Headache', 'Fatigue', 'Chest pain', 'Shortness of breath', 'Nausea', 'Vomiting', 'Diarrhea',
  'Abdominal pain', 'Back pain', 'Joint pain', 'Rash', 'Dizziness', 'Sore throat', 'Palpitations', 'Insomnia',
  'Blurred vision', 'Swelling', 'Weight loss',
] as const;

export const diagnoses = [
  'J06.9 Acute upper respiratory infection', 'I10 Essential hypertension', 'E11.9 Type 2 diabetes mellitus',
  'K29.7 Gastritis', 'M54.5 Low back pain', 'J18.9 Pneumonia', 'R51 Headache', 'N39.0 Urinary tract infection',
  'J45.9 Asthma', 'I25.1 Coronary artery disease', 'K21.9 Gastro-oesophageal reflux', 'L20.9 Atopic dermatitis',
  'H10.9 Conjunctivitis', 'J02.9 Acute pharyngitis', 'M17.9 Osteoarthritis of knee', 'F41.1 Generalized anxiety',
  'G43.9 Migraine', 'E78.5 Hyperlipidaemia', 'I48.9 Atrial fibrillation', 'K35.8 Acute appendicitis',
  'S52.5 Fracture of lower end of radius', 'O80 Normal delivery', 'C34.9 Lung cancer, follow-up', 'E03.9 Hypothyroidism',
  'R10.4 Abdominal pain, unspecified', 'A09 Infectious gastroenteritis', 'J20.9 Acute bronchitis', 'H66.9 Otitis media',
  'B34.9 Viral infection', 'Z00.0 General health check',
] as const;

/** About one visit in 20,000 carries it: ~50 at 1M records, ~5 at 100k. */
export const rareDiagnosis = 'M30.3 Kawasaki disease';
export const rareDiagnosisShare = 1 / 20_000;
/** What the "contains" figure types: lower case, a part of a word, as users search. */
export const rareSearchTerm = 'kawasak';

export const noteFragments = [
  'Patient reports symptoms for three days.', 'No known drug allergies.', 'Vitals stable on arrival.',
  'Advised rest and fluids.', 'Prescribed a seven-day course.', 'Blood test ordered; results pending.',
  'Follow up in two weeks if not improved.', 'Referred for imaging.', 'Explained the diagnosis to the family.',
  'History of similar episodes.', 'Pain score 4/10.', 'Wound cleaned and dressed.', 'ECG within normal limits.',
  'Patient tolerated the procedure well.', '患者自述症状已持续三天。', '建议多休息、多饮水。', '嘱一周后复诊。',
] as const;

export const familyNames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'] as const;
export const givenNames = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '华'] as const;

export const bloodTypes = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export const allergies = ['Penicillin', 'Sulfa drugs', 'Aspirin', 'Latex', 'Peanuts', 'Shellfish', 'Pollen', 'Iodine contrast'] as const;

export const doctorCount = 12;
